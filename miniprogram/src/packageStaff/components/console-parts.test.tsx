import { fireEvent, render } from '@testing-library/react'
import { aQueue, anEntry } from '../../../test/fixtures'
import { CallNextButton } from './call-next-button'
import { CheckInResultView } from './check-in-box'
import { QueueList } from './queue-list'
import { ServiceTabs } from './service-tabs'
import { OVERRIDE_FULL_LABEL, WalkInPanel } from './walk-in-panel'

const noop = () => {}

describe('stand console parts', () => {
  it('CallNextButton names the next number and is a new button when its label changes', () => {
    const props = { serviceId: 'S', calling: false, disabled: false, onCall: noop }
    const { container, rerender } = render(<CallNextButton {...props} next={anEntry({ queueNumber: 2 })} />)
    const first = container.querySelector('.call-next')
    expect(first?.textContent).toBe('叫下一位（2 号）')

    rerender(<CallNextButton {...props} next={anEntry({ queueNumber: 2 })} calling />)
    expect(container.querySelector('.call-next')).toBe(first) // same label: same button
    expect(first?.className).toContain('btn--busy')

    rerender(<CallNextButton {...props} next={undefined} />)
    expect(container.querySelector('.call-next')).not.toBe(first) // H5 Buttons must not change text in place
    expect(container.querySelector('.call-next')?.textContent).toBe('叫下一位')
  })

  it('WalkInPanel offers the recorded override when full, and a retry only when the outcome is unknown', () => {
    const onTake = jest.fn()
    const onRetry = jest.fn()
    const props = { taking: false, disabled: false, onTake, onRetry }
    const { container, rerender } = render(<WalkInPanel {...props} state={{ kind: 'full', message: '今天这个服务已约满' }} />)
    fireEvent.click(container.querySelector('.walkin-button') as HTMLElement)
    fireEvent.click(container.querySelector('.walkin-override') as HTMLElement)
    expect(container.querySelector('.walkin-override')?.textContent).toBe(OVERRIDE_FULL_LABEL)
    expect(onTake.mock.calls).toEqual([[false], [true]])

    rerender(<WalkInPanel {...props} state={{ kind: 'error', message: '取号信息有误', retry: false }} />)
    expect(container.querySelector('.walkin-retry')).toBeNull()
    rerender(<WalkInPanel {...props} state={{ kind: 'error', message: '网络不好', retry: true }} />)
    fireEvent.click(container.querySelector('.walkin-retry') as HTMLElement)
    expect(onRetry).toHaveBeenCalledTimes(1)

    rerender(<WalkInPanel {...props} state={{ kind: 'ok', entry: anEntry({ queueNumber: 15 }) }} />)
    expect(container.querySelector('.walkin-number')?.textContent).toBe('15 号')
  })

  it('CheckInResultView tells "already checked in" from a refusal and an error', () => {
    const kinds = [
      [{ kind: 'already', message: 'm' }, 'checkin-result--already', '这张预约码已经签到过'],
      [{ kind: 'refused', message: 'm' }, 'checkin-result--already', '不能签到'],
      [{ kind: 'error', message: 'm' }, 'checkin-result--error', '没有签到'],
    ] as const
    for (const [result, className, title] of kinds) {
      const { container, unmount } = render(<CheckInResultView result={result} />)
      expect(container.querySelector('.checkin-result')?.className).toContain(className)
      expect(container.querySelector('.result-title')?.textContent).toBe(title)
      unmount()
    }
  })

  it('QueueList hides an empty list unless it has an empty text; ServiceTabs shows nothing without services', () => {
    const hidden = render(<QueueList title='正在服务' entries={[]} rowProps={() => ({})} />)
    expect(hidden.container.querySelector('.queue-card')).toBeNull()
    const empty = render(<QueueList title='排队中（0 人）' entries={[]} emptyText='现在没有人在等。' rowProps={() => ({})} />)
    expect(empty.container.querySelector('.queue-empty')?.textContent).toBe('现在没有人在等。')

    const tabs = render(<ServiceTabs services={[]} currentId={undefined} onSelect={noop} />)
    expect(tabs.container.querySelector('.service-tabs')).toBeNull()
    const onSelect = jest.fn()
    const some = render(<ServiceTabs services={aQueue().services} currentId={undefined} onSelect={onSelect} />)
    fireEvent.click(some.container.querySelectorAll('.service-tab')[1])
    expect(onSelect).toHaveBeenCalledWith(aQueue().services[1].serviceId)
  })
})
