import { fireEvent, render } from '@testing-library/react'
import Taro, { resetTaroMock } from '../../../test/mocks/taro'
import { AllianceCard } from './alliance-card'

// 我的 → 成员单位与三张清单: one entry by role, nothing for residents and stand staff.
beforeEach(() => resetTaroMock())

describe('我的: the alliance’s entry', () => {
  const TOWN = '01JD00000000000000000000W1'
  it('opens a unit liaison’s 成员单位, the town admin’s units and lists, a studio’s 需求清单', () => {
    const liaison = render(<AllianceCard user={{ role: 'unit_liaison', townId: TOWN, departmentId: '01JD00000000000000000000N1' }} />)
    expect(liaison.container.querySelector('.my-unit-entry')?.textContent).toContain('成员单位')
    fireEvent.click(liaison.container.querySelector('.my-unit-entry') as Element)
    expect(Taro.navigateTo).toHaveBeenCalledWith(expect.objectContaining({ url: '/packageTown/pages/unit/index' }))
    liaison.unmount()
    expect(render(<AllianceCard user={{ role: 'town_admin', townId: TOWN }} />).container.querySelector('.town-units-entry')?.textContent).toContain('成员单位与三张清单')
    expect(render(<AllianceCard user={{ role: 'representative', studioId: '01JD00000000000000000000S1' }} />).container.querySelector('.studio-needs-entry')?.textContent).toContain('需求清单')
  })

  it('shows nothing to a resident or stand staff', () => {
    expect(render(<AllianceCard user={{ role: 'resident' }} />).container.textContent).toBe('')
    expect(render(<AllianceCard user={{ role: 'staff', studioId: '01JD00000000000000000000S1' }} />).container.textContent).toBe('')
  })
})
