import { defineHandler } from '../http/define-handler';
import { routes } from '../http/routes';
import { getBoard } from '../use-cases/submission-desk';

export const handler = defineHandler(routes.getBoard, ({ deps, params }) => getBoard(deps, params.studioId));
