import { actionsOf, mayStep } from './errand-lifecycle';

describe('the steps of an errand order', () => {
  const staff = { staff: true, orderer: false, volunteer: false, mayClaim: false };
  const orderer = { staff: false, orderer: true, volunteer: false, mayClaim: false };
  const volunteer = { staff: false, orderer: false, volunteer: true, mayClaim: true };

  it('starts each step only from its statuses', () => {
    expect(mayStep('approve', 'ordered')).toBe(true);
    expect(mayStep('approve', 'open')).toBe(false);
    expect(mayStep('cancel', 'assigned')).toBe(true);
    expect(mayStep('cancel', 'delivered')).toBe(false);
    expect(mayStep('confirm', 'assigned')).toBe(false);
    expect(mayStep('claim', 'claimed')).toBe(false);
  });

  it('offers each person only their own buttons', () => {
    expect(actionsOf('ordered', staff, 'claim')).toEqual(['approve', 'refuse', 'cancel']);
    expect(actionsOf('ordered', orderer, 'claim')).toEqual(['cancel']);
    expect(actionsOf('open', volunteer, 'claim')).toEqual(['claim']);
    expect(actionsOf('open', volunteer, 'assign')).toEqual([]);
    expect(actionsOf('claimed', staff, 'claim')).toEqual(['assign', 'acceptClaim', 'returnClaim', 'cancel']);
    expect(actionsOf('assigned', volunteer, 'claim')).toEqual(['deliver']);
    expect(actionsOf('delivered', orderer, 'claim')).toEqual(['confirm']);
    expect(actionsOf('confirmed', staff, 'claim')).toEqual([]);
  });
});
