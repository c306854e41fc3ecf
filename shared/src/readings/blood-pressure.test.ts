import { assessBloodPressure } from './blood-pressure';

describe('blood pressure in the bands of the Chinese guideline', () => {
  it.each([
    [150, 95, 'grade1', '偏高'],
    [139, 89, 'high_normal', '正常高值'],
    [118, 76, 'normal', '正常'],
    [125, 70, 'high_normal', '正常高值'],
    [130, 92, 'grade1', '偏高'],
    [165, 85, 'grade2', '明显偏高'],
    [185, 100, 'grade3', '很高'],
    [120, 112, 'grade3', '很高'],
    [85, 55, 'low', '偏低'],
  ])('%i/%i is %s (%s): the higher band of the two numbers', (systolic, diastolic, band, label) => {
    expect(assessBloodPressure(systolic, diastolic)).toMatchObject({ band, label });
  });

  it('flags only raised readings, with a plain hint', () => {
    expect(assessBloodPressure(150, 95).raised).toBe(true);
    expect(assessBloodPressure(135, 85).raised).toBe(false);
    expect(assessBloodPressure(150, 95).hint).toContain('再量一次');
  });
});
