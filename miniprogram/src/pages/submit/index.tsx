import { askFor } from '../../services/subscribe'
import Taro, { useRouter } from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import { submitRequest, type SubmitRequest } from '@shared/schemas/submission'
import { submitSubmission } from '../../services/api'
import { getLastStand } from '../../services/last-stand'
import { getUser } from '../../services/session'
import { isWeapp, HOME_PAGE } from '../../services/platform'
import { openLogin } from '../../services/navigation'
import { useSubmissionForm } from '../../services/use-submission-form'
import { SubmissionFormBody } from '../../components/submission-form-body'
import { ErrorCard } from '../../components/page-state'
import {
  emptySubmissionDraft,
  param,
  submissionDrafts,
  submissionPageUrl,
  type SubmissionDraft,
} from '../../services/submissions'
import { Page } from '../../components/ui/page'
import { SimilarHint } from './similar-hint'
import './index.css'

export { TEXT_MAX } from '../../components/submission-fields'
export { PHONE_MISSING_MESSAGE } from '../../services/use-submission-form'
export const PUBLIC_LABEL = '可以公开到公示墙（不显示您的个人信息）'
export const PHONE_CONSENT_LABEL = '我愿意留下手机号，方便工作人员联系我了解情况（只用于办理这条意见）'

function SubmitForm({ studioId, standId }: { studioId: string; standId?: string }) {
  const form = useSubmissionForm<SubmissionDraft>({
    studioId,
    store: submissionDrafts,
    initial: () => {
      const saved = submissionDrafts.load(studioId)
      if (saved) return standId && !saved.standId ? { ...saved, standId } : saved
      return emptySubmissionDraft(studioId, standId)
    },
    empty: () => emptySubmissionDraft(studioId, standId),
  })
  const { failure, busy } = form
  const lastStand = getLastStand()
  const studioName = lastStand?.studioId === studioId ? lastStand.studioName : undefined

  /** Uploading a photo needs a signed-in person: on H5, sign in first (what was typed is kept). */
  const readyForPhotos = () => {
    if (isWeapp() || getUser()) return true
    Taro.showToast({ title: '请先登录再添加照片，您写的内容会保留', icon: 'none', duration: 2500 })
    openLogin()
    return false
  }

  const submit = async () => {
    if (busy) return
    if (!isWeapp() && !getUser()) {
      Taro.showToast({ title: '请先登录，您写的内容会保留', icon: 'none', duration: 2500 })
      openLogin()
      return
    }
    await form.submit({
      schema: submitRequest,
      body: (d, requestId) => {
        const input: Record<string, unknown> = {
          requestId,
          studioId,
          category: d.category,
          text: d.text,
          public: d.public,
          ...(d.urgent ? { urgent: true } : {}),
        }
        if (d.standId) input.standId = d.standId
        if (d.place.trim()) input.place = d.place
        if (d.gridId) input.gridId = d.gridId
        // part of the body like any other field: the form is locked while a retry is pending, photos included
        if (d.photos && d.photos.length > 0) input.photos = d.photos.map((p) => p.key)
        if (d.phoneConsent) {
          input.phoneConsent = true
          if (d.phone.trim()) input.phone = d.phone
        }
        return input
      },
      before: async () => {
        await askFor('submission')
      },
      loading: '正在提交…',
      send: (body: SubmitRequest) => submitSubmission(body),
      onSuccess: (view) => {
        Taro.showToast({ title: '提交成功', icon: 'success' })
        Taro.redirectTo({ url: `${submissionPageUrl(view.id)}&new=1` }).catch(() => {
          Taro.showToast({ title: '提交成功，可在“我的意见”查看', icon: 'none', duration: 3000 })
        })
      },
    })
  }

  const submitLabel = busy ? '正在提交…' : failure?.retry ? '重新提交' : '提交意见'
  return (
    <Page className='submit-page'>
      <View className='submit-form'>
        <View className='card card--hint submit-intro'>
          <Text className='card-title'>{studioName ? `写给${studioName}` : '写给党代表工作室'}</Text>
          <Text className='plain-line'>党代表会在期限内答复您，进度可以在“我的意见”里看到。</Text>
        </View>

        <SubmissionFormBody
          form={form}
          words={{
            textLabel: '您的意见或建议',
            textPlaceholder: '说一说是什么事、在哪里、想怎么解决',
            photoHint: '拍一拍现场，党代表看得更清楚。',
            publicLabel: PUBLIC_LABEL,
            publicHintOff: '不公开：只有您和工作室能看到。',
            phoneLabel: PHONE_CONSENT_LABEL,
            retryHint: '您写的内容都还在。网络好了再点“重新提交”，不会重复提交。',
            draftHint: '写到一半退出也没关系，内容会保存在这台手机上。',
            submitLabel,
          }}
          beforeChoosePhoto={readyForPhotos}
          afterPlace={
            <SimilarHint
              studioId={studioId}
              text={form.draft.text}
              category={form.draft.category}
              place={form.draft.place}
              enabled={(isWeapp() || !!getUser()) && !form.locked}
              onSeconded={() => {
                form.reset()
                Taro.showToast({ title: '已清空，感谢您的附议', icon: 'none', duration: 2500 })
              }}
            />
          }
          onSubmit={() => void submit()}
        />
      </View>
    </Page>
  )
}

export default function SubmitPage() {
  const { params } = useRouter()
  const studioId = param(params.studioId)
  const standId = param(params.standId) || undefined
  if (!studioId) {
    return (
      <Page className='submit-page'>
        <ErrorCard message='请先扫一扫服务点的二维码，再提意见建议。'>
          <Button className='btn btn--secondary' onClick={() => Taro.switchTab({ url: HOME_PAGE })}>回到首页</Button>
        </ErrorCard>
      </Page>
    )
  }
  return <SubmitForm studioId={studioId} standId={standId} />
}
