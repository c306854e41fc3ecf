import { defineHandler } from '../http/define-handler';
import { routes } from '../http/routes';
import { approveForBoard } from '../use-cases/submission-desk';

export const handler = defineHandler(routes.approveForBoard, ({ deps, principal, params }) => approveForBoard(deps, principal, params.submissionId));
