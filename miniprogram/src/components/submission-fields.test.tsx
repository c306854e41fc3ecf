import { fireEvent, render } from '@testing-library/react'
import { CategoryField, PhoneConsentField, PlaceField, PublicSwitch, SubmissionTextField, SubmitFailure, TEXT_MAX } from './submission-fields'

const CATEGORIES = [{ name: '河道整治', acceptDays: 1, replyDays: 3 }, { name: '邻里纠纷', acceptDays: 0, replyDays: 0 }, { name: '其他' }]

describe('CategoryField', () => {
  it('shows the chips, marks the chosen one with how soon it is answered, and reports a tap', () => {
    const onChange = jest.fn()
    const { container, rerender } = render(<CategoryField label='这是哪一类的事？' categories={CATEGORIES} value='' onChange={onChange} />)
    expect(container.querySelector('.field-label')?.textContent).toBe('这是哪一类的事？')
    expect(Array.from(container.querySelectorAll('.category-chip')).map((c) => c.textContent)).toEqual(['河道整治', '邻里纠纷', '其他'])
    expect(container.querySelector('.category-limit')).toBeNull()
    fireEvent.click(container.querySelectorAll('.category-chip')[0] as Element)
    expect(onChange).toHaveBeenCalledWith('河道整治')

    rerender(<CategoryField label='类别' categories={CATEGORIES} value='河道整治' onChange={onChange} error='请选择类别' />)
    expect(container.querySelector('.category-chip.chip--on')?.textContent).toBe('河道整治')
    expect(container.querySelector('.category-limit')?.textContent).toBe('“河道整治”一般 3 个工作日内答复')
    expect(container.querySelector('.category-error')?.textContent).toBe('请选择类别')

    rerender(<CategoryField label='类别' categories={CATEGORIES} value='邻里纠纷' onChange={onChange} />)
    expect(container.querySelector('.category-limit')?.textContent).toBe('“邻里纠纷”一般当天答复')
    rerender(<CategoryField label='类别' categories={CATEGORIES} value='其他' onChange={onChange} />)
    expect(container.querySelector('.category-limit')).toBeNull() // no time limit known
  })

  it('does nothing when disabled', () => {
    const onChange = jest.fn()
    const { container } = render(<CategoryField label='类别' categories={CATEGORIES} value='' disabled onChange={onChange} />)
    fireEvent.click(container.querySelectorAll('.category-chip')[1] as Element)
    expect(onChange).not.toHaveBeenCalled()
  })
})

describe('SubmissionTextField', () => {
  it('counts the characters, warns near the limit, and shows its message', () => {
    const onChange = jest.fn()
    const { container, rerender } = render(<SubmissionTextField label='意见' value='路灯坏了' placeholder='写一写' onChange={onChange} />)
    expect(container.querySelector('.text-count')?.textContent).toBe(`4 / ${TEXT_MAX} 字`)
    expect(container.querySelector('.text-count')?.className).not.toContain('text-count--near')
    fireEvent.change(container.querySelector('.textarea-input') as Element, { target: { value: '路灯坏了两周' } })
    expect(onChange).toHaveBeenCalledWith('路灯坏了两周')

    rerender(<SubmissionTextField label='意见' value={'字'.repeat(960)} placeholder='写一写' error='内容不能超过 1000 个字' onChange={onChange} />)
    expect(container.querySelector('.text-count')?.className).toContain('text-count--near')
    expect(container.querySelector('.textarea-input')?.className).toContain('text-input--error')
    expect(container.querySelector('.text-error')?.textContent).toBe('内容不能超过 1000 个字')
  })
})

describe('PlaceField', () => {
  it('is optional by its label and reports what is typed', () => {
    const onChange = jest.fn()
    const { container } = render(<PlaceField value='' onChange={onChange} error='地点不能超过 50 个字' />)
    expect(container.querySelector('.field-label')?.textContent).toBe('地点（可以不填）')
    fireEvent.change(container.querySelector('.place-input') as Element, { target: { value: '老街口' } })
    expect(onChange).toHaveBeenCalledWith('老街口')
    expect(container.querySelector('.place-error')?.textContent).toBe('地点不能超过 50 个字')
  })
})

describe('PublicSwitch', () => {
  it('switches, and says what the choice means', () => {
    const onChange = jest.fn()
    const { container, rerender } = render(<PublicSwitch label='公开' on={false} hintOn='会公开' hintOff='不公开' onChange={onChange} />)
    expect(container.querySelector('.switch-text')?.textContent).toBe('关')
    expect(container.textContent).toContain('不公开')
    fireEvent.click(container.querySelector('.public-switch') as Element)
    expect(onChange).toHaveBeenCalledWith(true)

    rerender(<PublicSwitch label='公开' on hintOn='会公开' hintOff='不公开' disabled onChange={onChange} />)
    expect(container.querySelector('.public-switch')?.className).toContain('consent-switch--on')
    expect(container.textContent).toContain('会公开')
    fireEvent.click(container.querySelector('.public-switch') as Element)
    expect(onChange).toHaveBeenCalledTimes(1) // disabled
  })
})

describe('PhoneConsentField', () => {
  it('shows the phone field only with the consent, with the messages where they belong', () => {
    const onConsent = jest.fn()
    const onPhone = jest.fn()
    const props = { label: '居民同意留下电话，以便党代表联系', phone: '', onConsent, onPhone }
    const { container, rerender } = render(<PhoneConsentField {...props} consent={false} consentError='留手机号需要居民同意' />)
    expect(container.querySelector('.phone-input')).toBeNull()
    expect(container.querySelector('.phoneConsent-error')?.textContent).toBe('留手机号需要居民同意')
    fireEvent.click(container.querySelector('.phone-consent') as Element)
    expect(onConsent).toHaveBeenCalledWith(true)

    rerender(<PhoneConsentField {...props} consent phone='138' phoneError='请输入 11 位手机号码' />)
    expect(container.querySelector('.consent-mark')).not.toBeNull()
    expect((container.querySelector('.phone-input') as HTMLInputElement).value).toBe('138')
    expect(container.querySelector('.phone-error')?.textContent).toBe('请输入 11 位手机号码')
    fireEvent.change(container.querySelector('.phone-input') as Element, { target: { value: '13800001111' } })
    expect(onPhone).toHaveBeenCalledWith('13800001111')
    fireEvent.click(container.querySelector('.phone-consent') as Element)
    expect(onConsent).toHaveBeenLastCalledWith(false)
  })
})

describe('SubmitFailure', () => {
  it('shows the message, and the retry hint only when a retry is safe', () => {
    const { container, rerender } = render(<SubmitFailure failure={null} retryHint='内容都还在' />)
    expect(container.querySelector('.submit-error')).toBeNull()
    rerender(<SubmitFailure failure={{ message: '内容需要修改', retry: false }} retryHint='内容都还在' />)
    expect(container.querySelector('.submit-error')?.textContent).toBe('内容需要修改')
    rerender(<SubmitFailure failure={{ message: '网络不太好', retry: true }} retryHint='内容都还在' />)
    expect(container.querySelector('.submit-error')?.textContent).toBe('网络不太好内容都还在')
  })
})
