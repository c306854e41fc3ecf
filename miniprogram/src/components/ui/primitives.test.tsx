import { fireEvent, render } from '@testing-library/react'
import Taro, { resetTaroMock } from '../../../test/mocks/taro'
import { AccessGate } from './access-gate'
import { BusyButton } from './busy-button'
import { ChipGroup } from './chip-group'
import { Field } from './field'
import { Sheet } from './sheet'

beforeEach(() => resetTaroMock())

describe('the primitives', () => {
  it('Sheet: a dialog named by its title (or by a name given), title first', () => {
    const { container } = render(
      <Sheet title='请您先同意' name='隐私保护提示' className='privacy-sheet'>
        <span>正文</span>
      </Sheet>,
    )
    const dialog = container.querySelector('[role="dialog"]') as HTMLElement
    expect(dialog.getAttribute('aria-label')).toBe('隐私保护提示')
    expect(dialog.getAttribute('aria-modal')).toBe('true')
    expect(dialog.className).toBe('sheet privacy-sheet')
    expect(dialog.firstElementChild?.textContent).toBe('请您先同意')
    expect(render(<Sheet title='确认预约' className='booking-sheet' />).container.querySelector('[role="dialog"]')?.getAttribute('aria-label')).toBe('确认预约')
  })

  it('Field: label, hint, the control, and the refusal in red under it only when there is one', () => {
    const { container, rerender } = render(
      <Field label='手机号（可以不填）' hint='只给办理的人看' errorClass='phone-error'>
        <input className='phone-input' />
      </Field>,
    )
    expect(Array.from(container.querySelectorAll('.field > *')).map((el) => el.className)).toEqual(['field-label', 'field-hint', 'phone-input'])
    expect(container.querySelector('.field-error')).toBeNull()
    rerender(
      <Field label='手机号（可以不填）' error='手机号应为 11 位数字' errorClass='phone-error'>
        <input className='phone-input' />
      </Field>,
    )
    expect(container.querySelector('.field-hint')).toBeNull()
    expect(container.querySelector('.field-error.phone-error')?.textContent).toBe('手机号应为 11 位数字')
  })

  it('BusyButton: says it is working and takes no second tap while busy', () => {
    const onClick = jest.fn()
    const { container, rerender } = render(<BusyButton label='确认预约' busyLabel='正在预约…' busy={false} className='btn--primary booking-confirm' onClick={onClick} />)
    const button = () => container.querySelector('button') as HTMLButtonElement
    expect(button().className).toBe('btn btn--primary booking-confirm')
    fireEvent.click(button())
    expect(onClick).toHaveBeenCalledTimes(1)

    rerender(<BusyButton label='确认预约' busyLabel='正在预约…' busy className='btn--primary booking-confirm' onClick={onClick} />)
    expect(button().textContent).toBe('正在预约…')
    expect(button().className).toBe('btn btn--primary booking-confirm btn--busy')
    expect(button().disabled).toBe(true)
    fireEvent.click(button())
    expect(onClick).toHaveBeenCalledTimes(1)
  })

  it('ChipGroup: one choice as radios, several as checkboxes in a grid, nothing taken while disabled', () => {
    const onTap = jest.fn()
    const radios = render(
      <ChipGroup label='这是哪一类的事？' kind='radio' chipClass='category-chip' options={[{ value: '环境卫生', label: '环境卫生' }, { value: '其他', label: '其他' }]} isOn={(v) => v === '其他'} onTap={onTap} />,
    )
    const group = radios.container.querySelector('[role="radiogroup"]') as HTMLElement
    expect(group.getAttribute('aria-label')).toBe('这是哪一类的事？')
    expect(group.className).toBe('chip-row')
    const chips = Array.from(group.querySelectorAll('[role="radio"]'))
    expect(chips.map((c) => [c.textContent, c.getAttribute('aria-checked')])).toEqual([['环境卫生', 'false'], ['其他', 'true']])
    fireEvent.click(chips[0]!)
    expect(onTap).toHaveBeenCalledWith('环境卫生')

    const boxes = render(
      <ChipGroup label='每周哪几天' kind='checkbox' columns={4} chipClass='weekday' options={[1, 2, 3].map((d) => ({ value: d, label: `周${'一二三'[d - 1]}` }))} isOn={(d) => d === 2} onTap={onTap} disabled />,
    )
    expect(boxes.container.querySelector('[role="group"]')?.className).toBe('chip-grid chip-grid--4')
    expect(boxes.container.querySelectorAll('.chip-cell [role="checkbox"]')).toHaveLength(3)
    fireEvent.click(boxes.container.querySelector('.weekday') as Element)
    expect(onTap).toHaveBeenCalledTimes(1)
  })

  it('AccessGate: 登录 for someone signed out; who the page is for and 去“我的” for someone without the role', () => {
    const out = render(<AccessGate user={null} pageClass='staff-page' gateClass='no-staff-access' refusal='只对工作人员开放。' />)
    expect(out.container.querySelector('.no-staff-access .error-message')?.textContent).toBe('请先登录')
    expect(out.container.querySelector('.login-button')).not.toBeNull()

    const resident = { id: 'u1', displayName: '刘阿姨', role: 'resident' } as never
    const signedIn = render(<AccessGate user={resident} pageClass='staff-page' gateClass='no-staff-access' refusal='只对工作人员开放。' hint='请输入邀请码。' />)
    expect(signedIn.container.querySelector('.error-message')?.textContent).toBe('只对工作人员开放。')
    expect(signedIn.container.querySelector('.plain-line')?.textContent).toBe('请输入邀请码。')
    fireEvent.click(signedIn.getByText('去“我的”'))
    expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/me/index' })
  })
})
