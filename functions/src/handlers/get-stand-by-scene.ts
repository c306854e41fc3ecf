import { defineHandler } from '../http/define-handler';
import { routes } from '../http/routes';
import { getStandByScene } from '../use-cases/get-stand-by-scene';

export const handler = defineHandler(routes.getStandByScene, ({ deps, params }) => getStandByScene(deps, params.scene));
