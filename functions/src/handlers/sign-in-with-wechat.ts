import { defineHandler } from '../http/define-handler';
import { routes } from '../http/routes';
import { signInWithWechat } from '../use-cases/sign-in-with-wechat';

export const handler = defineHandler(routes.signInWithWechat, ({ deps, body }) => signInWithWechat(deps, body));
