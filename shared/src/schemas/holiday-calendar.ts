import { z } from './common';

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 年-月-日');

/**
 * A year of the national holiday calendar as an operator enters it (`npm run holidays -- put <year> <file>`): the
 * State Council's notice — its weekday days off (`holidays`), its 调休 working weekend days (`workdays`) and where it
 * comes from.
 */
export const holidayYearRequest = z
  .object({
    source: z.string({ required_error: '请写明依据（如 国办发明电〔2026〕X号）' }).trim().min(4, '请写明依据（至少 4 个字）').max(80, '依据不能超过 80 个字'),
    holidays: z.array(date).max(40, '放假日最多 40 天'),
    workdays: z.array(date).max(20, '调休上班日最多 20 天'),
  })
  .strict();
export type HolidayYearRequest = z.infer<typeof holidayYearRequest>;
