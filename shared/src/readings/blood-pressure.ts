/**
 * A blood-pressure reading in the bands of the Chinese guideline for hypertension (中国高血压防治指南): the higher of
 * the two numbers decides. A stand's reading is one measurement, not a diagnosis — the words say so and point to
 * a doctor when it is high. Low (below 90/60) is named too, since dizzy older people ask about it.
 */
export type PressureBand = 'low' | 'normal' | 'high_normal' | 'grade1' | 'grade2' | 'grade3';

export interface PressureAssessment {
  band: PressureBand;
  /** Short, for a tag beside the numbers. */
  label: string;
  /** One plain sentence for the resident. */
  hint: string;
  /** Worth a word from staff, and a red tag. */
  raised: boolean;
}

const BANDS: Record<PressureBand, Omit<PressureAssessment, 'band'>> = {
  low: { label: '偏低', hint: '这次量得偏低。如果常头晕、乏力，请找医生看看。', raised: false },
  normal: { label: '正常', hint: '这次量得在正常范围。', raised: false },
  high_normal: { label: '正常高值', hint: '这次量得接近偏高，注意少盐、多走动，过段时间再量。', raised: false },
  grade1: { label: '偏高', hint: '这次量得偏高。请休息几分钟后再量一次；几次都偏高，请去卫生院或医院看看。', raised: true },
  grade2: { label: '明显偏高', hint: '这次量得明显偏高。请尽快找医生看看。', raised: true },
  grade3: { label: '很高', hint: '这次量得很高。如果头痛、胸闷或说话不清，请马上就医或拨打 120。', raised: true },
};

export const NOT_A_DIAGNOSIS = '一次测量不是诊断，结果以医生意见为准。';

function bandOf(systolic: number, diastolic: number): PressureBand {
  if (systolic >= 180 || diastolic >= 110) return 'grade3';
  if (systolic >= 160 || diastolic >= 100) return 'grade2';
  if (systolic >= 140 || diastolic >= 90) return 'grade1';
  if (systolic >= 120 || diastolic >= 80) return 'high_normal';
  if (systolic < 90 || diastolic < 60) return 'low';
  return 'normal';
}

export function assessBloodPressure(systolic: number, diastolic: number): PressureAssessment {
  const band = bandOf(systolic, diastolic);
  return { band, ...BANDS[band] };
}
