import { defineHandler } from '../http/define-handler';
import { routes } from '../http/routes';
import { createPhotoUpload } from '../use-cases/photos';

export const handler = defineHandler(routes.createPhotoUpload, ({ deps, principal, body }) => createPhotoUpload(deps, principal, body));
