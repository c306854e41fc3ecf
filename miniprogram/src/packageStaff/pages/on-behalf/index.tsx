/**
 * 代填意见 (packageStaff/pages/on-behalf/index?standId=…): a studio's staff, representatives or admin enter a
 * suggestion for a resident who has no phone — from a paper opinion form (纸质意见征询表) collected at a stand,
 * or what the resident said there. POST /studios/{studioId}/submissions; the inbox marks it 代填.
 *
 * Like the resident's 提意见 form (the same fields, draft and retry-key logic: `useSubmissionForm`), plus where it
 * came from (来源); the draft is kept under its own key. The resident gets no notices in the app.
 */
import { useState } from 'react'
import { useRouter } from '@tarojs/taro'
import { Button, Input, Text, View } from '@tarojs/components'
import type { UserView } from '@shared/schemas/auth'
import { onBehalfRequest, type OnBehalfRequest, type StudioSubmissionView } from '@shared/schemas/submission'
import { submitOnBehalf } from '../../../services/api'
import { isApiError } from '../../../services/request'
import { openPage } from '../../../services/navigation'
import { REP_SUBMISSION_PAGE } from '../../../services/platform'
import { draftStore, emptySubmissionDraft, longChinaDate, param, type SubmissionDraft } from '../../../services/submissions'
import { useSessionUser } from '../../../services/use-session-user'
import { BASE_FIELDS, useSubmissionForm } from '../../../services/use-submission-form'
import { SubmissionFormBody } from '../../../components/submission-form-body'
import { isStaffUser, NoStaffAccess } from '../../staff-access'
import './index.css'
import { Page } from '../../../components/ui/page'
import '../../styles.css'

/** Not the resident's draft (`lianxin.submissionDraft`): both may be on one phone. */
export const ON_BEHALF_DRAFT_KEY = 'lianxin.onBehalfDraft'
export const SOURCE_PRESETS = ['纸质意见征询表', '现场口述', '电话反映'] as const
/** As in the shared schema (`onBehalfRequest.sourceNote`). */
export const SOURCE_MAX = 30
export const ON_BEHALF_PUBLIC_LABEL = '居民同意公开到公示墙（不显示居民的个人信息）'
export const ON_BEHALF_PHONE_LABEL = '居民同意留下电话，以便党代表联系'
export const ON_BEHALF_SUBMIT_LABEL = '代填提交'
/** 422: this retry key was used for another body — an earlier attempt may have been received. */
export const REUSED_KEY_MESSAGE = '上次提交的内容和现在的不一样，可能已经收到过一份。请先和党代表核实，避免重复；确实没有收到，再点“代填提交”会作为新的一份。'

export interface OnBehalfDraft extends SubmissionDraft {
  /** 来源, e.g. 纸质意见征询表. */
  sourceNote: string
}

/** Not public unless the resident wants it: they are not there to change it later. */
export function emptyOnBehalfDraft(studioId: string, standId?: string): OnBehalfDraft {
  return { ...emptySubmissionDraft(studioId, standId), public: false, sourceNote: '' }
}

export const onBehalfDrafts = draftStore<OnBehalfDraft>(ON_BEHALF_DRAFT_KEY, (studioId) => emptyOnBehalfDraft(studioId))

/** The API's field names this form shows next to a field; other names (e.g. `standId`) go in the failure box. */
const FORM_FIELDS: readonly string[] = [...BASE_FIELDS, 'sourceNote']

/** Representatives and the admin may open the submission in 意见办理; staff just get the confirmation. */
function canOpenInbox(user: UserView): boolean {
  return user.role === 'representative' || user.role === 'admin'
}

function Done({ view, canOpen, onAgain }: { view: StudioSubmissionView; canOpen: boolean; onAgain: () => void }) {
  return (
    <Page className='staff-page on-behalf-page'>
      <View className='notice notice--success on-behalf-done' role='status'>
        <Text className='notice-title notice-title--success'>已代填</Text>
        <Text className='notice-body on-behalf-due'>党代表会在 {longChinaDate(view.replyDueDate)} 前答复。</Text>
        <Text className='notice-body on-behalf-what'>“{view.category}”：{view.text.length > 40 ? `${view.text.slice(0, 40)}…` : view.text}</Text>
        <Text className='notice-body on-behalf-contact'>
          {view.phone ? '居民留了电话，党代表会打电话联系。' : '居民没有留电话，也收不到小程序里的通知。'}
        </Text>
      </View>
      <Button className='btn btn--primary btn--huge on-behalf-again' onClick={onAgain}>再填一份</Button>
      {canOpen ? (
        <Button className='btn btn--secondary on-behalf-open' onClick={() => openPage(`${REP_SUBMISSION_PAGE}?id=${encodeURIComponent(view.id)}`)}>
          查看这条意见
        </Button>
      ) : null}
    </Page>
  )
}

function OnBehalfForm({ user, standId }: { user: UserView & { studioId: string }; standId?: string }) {
  const { studioId } = user
  const form = useSubmissionForm<OnBehalfDraft, 'sourceNote'>({
    studioId,
    store: onBehalfDrafts,
    initial: () => {
      const saved = onBehalfDrafts.load(studioId)
      if (!saved) return emptyOnBehalfDraft(studioId, standId)
      // the stand being worked now — unless the last attempt still awaits its answer: its retry must carry the same body
      return standId && !saved.requestId && saved.standId !== standId ? { ...saved, standId } : saved
    },
    empty: () => emptyOnBehalfDraft(studioId, standId),
    extraFields: ['sourceNote'],
  })
  const { draft, update, fields, failure, busy, locked } = form
  const [done, setDone] = useState<StudioSubmissionView | null>(null)
  // a stack of paper forms comes from one source: 再填一份 keeps it
  const [lastSource, setLastSource] = useState('')

  const submit = () => {
    setLastSource(draft.sourceNote)
    return form.submit({
      schema: onBehalfRequest,
      body: (d, requestId) => {
        const input: Record<string, unknown> = {
          requestId,
          sourceNote: d.sourceNote,
          category: d.category,
          text: d.text,
          public: d.public,
          ...(d.urgent ? { urgent: true } : {}),
        }
        if (d.standId) input.standId = d.standId
        if (d.place.trim()) input.place = d.place
        if (d.gridId) input.gridId = d.gridId
        if (d.photos && d.photos.length > 0) input.photos = d.photos.map((p) => p.key)
        if (d.phoneConsent) {
          input.phoneConsent = true
          if (d.phone.trim()) input.phone = d.phone
        }
        return input
      },
      loading: '正在提交…',
      send: (body: OnBehalfRequest) => submitOnBehalf(studioId, body),
      onSuccess: setDone,
      failureMessage: (error) => {
        if (!isApiError(error)) return undefined
        if (error.status === 422) return REUSED_KEY_MESSAGE
        // a message about something not on the form (e.g. the stand): shown in the box, not lost
        return Object.entries(error.fields).find(([key]) => !FORM_FIELDS.includes(key.split('.')[0]))?.[1]
      },
    })
  }

  if (done) {
    return (
      <Done
        view={done}
        canOpen={canOpenInbox(user)}
        onAgain={() => {
          form.reset()
          if (lastSource) update({ sourceNote: lastSource }, 'sourceNote')
          setDone(null)
        }}
      />
    )
  }

  const submitLabel = busy ? '正在提交…' : failure?.retry ? '重新提交' : ON_BEHALF_SUBMIT_LABEL
  return (
    <Page className='staff-page on-behalf-page'>
      <View className='submit-form'>
        <View className='card card--hint submit-intro on-behalf-intro'>
          <Text className='card-title'>为没有手机的居民代填</Text>
          <Text className='plain-line'>例如收上来的纸质意见征询表，或者居民在现场说的事。</Text>
          <Text className='plain-line on-behalf-no-notice'>居民不会在小程序里收到进度和答复通知；居民同意留电话的，党代表可以打电话联系。</Text>
          {draft.standId ? <Text className='field-hint on-behalf-stand'>会记在正在服务的这个服务点下。</Text> : null}
        </View>

        <Text className='field-label'>来源</Text>
        <View className='chip-row source-presets' role='radiogroup'>
          {SOURCE_PRESETS.map((preset) => {
            const on = draft.sourceNote.trim() === preset
            return (
              <View
                key={preset}
                className={`chip chip--small source-chip${on ? ' chip--on' : ''}`}
                role='radio'
                aria-checked={on}
                hoverClass='chip--pressed'
                onClick={locked ? undefined : () => update({ sourceNote: preset }, 'sourceNote')}
              >
                <Text>{preset}</Text>
              </View>
            )
          })}
        </View>
        <Input
          className={`text-input text-input--plain source-input${fields.sourceNote ? ' text-input--error' : ''}`}
          value={draft.sourceNote}
          maxlength={SOURCE_MAX}
          disabled={locked || undefined}
          placeholder='或者写别的来源，例如：入户走访'
          placeholderClass='input-placeholder'
          onInput={(e) => update({ sourceNote: e.detail.value }, 'sourceNote')}
        />
        {fields.sourceNote ? <Text className='field-error sourceNote-error'>{fields.sourceNote}</Text> : null}

        <SubmissionFormBody
          form={form}
          words={{
            textLabel: '居民的意见或建议',
            textPlaceholder: '照纸上写的或居民说的填：是什么事、在哪里、想怎么解决',
            photoHint: '可以拍下纸质意见征询表，或者现场的照片。',
            publicLabel: ON_BEHALF_PUBLIC_LABEL,
            publicHintOff: '不公开：只有工作室能看到。请问一问居民的意思。',
            phoneLabel: ON_BEHALF_PHONE_LABEL,
            retryHint: '填写的内容都还在。网络好了再点“重新提交”，不会重复提交。',
            draftHint: '填到一半退出也没关系，内容会保存在这台手机上。',
            submitLabel,
            submitClass: 'on-behalf-submit',
          }}
          onSubmit={() => void submit()}
        />
      </View>
    </Page>
  )
}

export default function OnBehalfPage() {
  const { params } = useRouter()
  const standId = param(params.standId) || undefined
  const [user] = useSessionUser()
  if (!isStaffUser(user)) return <NoStaffAccess user={user} />
  return <OnBehalfForm key={user.studioId} user={user} standId={standId} />
}
