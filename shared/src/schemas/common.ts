import { z } from '../zod-zh';
import { ROLES, STUDIO_ROLES } from '../roles';

export { z };

/** Ids are ULIDs: 26 characters of Crockford base32. */
export const idSchema = z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, '编号格式不正确');
/** A calendar date in China time, `YYYY-MM-DD`. */
export const dateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 年-月-日');
/** A wall-clock time in China time, `HH:mm`. */
export const timeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间格式应为 时:分');
export const roleSchema = z.enum(ROLES);
export const studioRoleSchema = z.enum(STUDIO_ROLES);

/**
 * An opaque page cursor made by the API (where the previous page stopped, base64url): sent back as `cursor` for the
 * next page. The API checks it again (a cursor that is not one of its own is refused, naming `cursor`).
 */
export const BAD_CURSOR_MESSAGE = '分页参数不正确，请从第一页重新加载';
export const cursorSchema = z.string().max(200, BAD_CURSOR_MESSAGE).regex(/^[A-Za-z0-9_-]+$/, BAD_CURSOR_MESSAGE);
/** Present when there is a next page: send it back as `cursor`. */
export const nextCursorSchema = z.string().optional();
