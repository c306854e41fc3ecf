import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import { ROLE_LABELS } from '@shared/roles'
import type { MyDataSummary } from '@shared/schemas/privacy'
import { chinaDate } from '@shared/time'
import { deleteMyAccount, downloadMyData, getMyDataSummary } from '../../services/api'
import { errorMessage } from '../../services/request'
import { clearSession } from '../../services/session'
import { forgetBookings } from '../../services/bookings'
import { submissionDrafts } from '../../services/submissions'
import { HOME_PAGE, isWeapp } from '../../services/platform'
import { saveDownloadedFile } from '../../services/save-file'
import { usePageData } from '../../services/use-page-data'
import { useSessionUser } from '../../services/use-session-user'
import { PageState } from '../../components/page-state'
import { SignInCard } from '../../components/sign-in-card'
import { openPrivacyGuide } from '../../services/privacy'
import './index.css'
import { Page } from '../../components/ui/page'

function KeptRow({ label, value, note }: { label: string; value: string; note: string }) {
  return (
    <View className='kept-row'>
      <View className='kept-head'>
        <Text className='kept-label'>{label}</Text>
        <Text className='kept-value'>{value}</Text>
      </View>
      <Text className='kept-note'>{note}</Text>
    </View>
  )
}

/** What is kept about the person, in plain words and numbers. */
function KeptCard({ summary }: { summary: MyDataSummary }) {
  return (
    <View className='card kept-card'>
      <Text className='card-title'>我们保存了您的这些信息</Text>
      <KeptRow label='账号' value='1 个' note='用微信登录的账号：昵称和身份。不保存您的微信号。' />
      <KeptRow label='意见建议' value={`${summary.submissions} 条`} note='您写的内容、照片、办理过程和答复。' />
      <KeptRow label='预约' value={`${summary.bookings} 个`} note={summary.upcomingBookings > 0 ? `其中 ${summary.upcomingBookings} 个还没到时间。` : '预约的服务、时间和地点。'} />
      <KeptRow label='血压记录' value={`${summary.readings} 条`} note={`您同意后才保存，每条保存 ${summary.healthReadingRetentionDays} 天。`} />
      <KeptRow label='消息和关注' value={`${summary.notifications} 条 · ${summary.follows} 个`} note='收到的消息，关注的工作室。' />
      <KeptRow label='幸福币' value={`${summary.coinAccounts} 个账户`} note='幸福币的余额、每一笔进出和兑换记录。' />
      <KeptRow label='手机号和地址' value={`${summary.contactRetentionDays} 天`} note={`只在您自己留下时保存；事情办完或上门服务后 ${summary.contactRetentionDays} 天自动删除。`} />
    </View>
  )
}

/** The two-step 注销: first what will happen, spelled out; then a last yes/no. */
function DeleteCard({ summary, busy, onDelete }: { summary: MyDataSummary; busy: boolean; onDelete: () => void }) {
  const [confirming, setConfirming] = useState(false)
  return (
    <View className='card delete-card'>
      <Text className='card-title'>注销账号</Text>
      {!confirming ? (
        <View>
          <Text className='plain-line'>注销后，您的账号和个人信息会删除，不能恢复。</Text>
          <Button className='btn btn--secondary delete-start' onClick={() => setConfirming(true)}>注销账号</Button>
        </View>
      ) : (
        <View className='delete-steps'>
          <Text className='delete-warning'>注销后会这样：</Text>
          <View className='delete-consequences'>
            <Text className='delete-point'>· 您提的 {summary.submissions} 条意见会匿名保留，不再显示是您提的；没有公开的意见，内容会删除。</Text>
            <Text className='delete-point'>· 未来的 {summary.upcomingBookings} 个预约会取消，名额让给别人。</Text>
            <Text className='delete-point'>· {summary.readings} 条血压记录和您的同意记录会删除。</Text>
            <Text className='delete-point'>· 消息、关注、您留的手机号和地址会删除。</Text>
            {summary.coinAccounts > 0 ? <Text className='delete-point'>· 幸福币作废：没领的奖品会取消，卡号删除，兑换记录不再显示您的名字。</Text> : null}
            <Text className='delete-point'>· 注销后不能恢复。以后再用这个微信登录，会是一个新的空账号。</Text>
          </View>
          <Button
            className={`btn btn--danger delete-confirm${busy ? ' btn--busy' : ''}`}
            loading={busy || undefined}
            disabled={busy || undefined}
            onClick={onDelete}
          >
            确认注销
          </Button>
          <Button className='btn btn--secondary delete-cancel' disabled={busy || undefined} onClick={() => setConfirming(false)}>
            不注销了
          </Button>
        </View>
      )}
    </View>
  )
}

/**
 * 我的数据 (个人信息保护法第四十五、四十七条): what is kept about the person, a copy of it as a file, and 注销账号 —
 * said in plain words before anything happens, for older residents too.
 */
/**
 * The 用户隐私保护指引 in short, in the app (WeChat keeps the whole text: 查看完整指引), with the periods the server
 * keeps things for. The same points as the README's list of what the guide declares.
 */
export function privacyPoints(summary: Pick<MyDataSummary, 'contactRetentionDays' | 'healthReadingRetentionDays'>): string[] {
  return [
    '照片：只在您提意见时，从相册选或用相机拍，只给工作室看，公示墙上不显示。',
    `手机号：只在您勾选同意后填写，方便工作室联系您；工作室看到的是打码的号码，看完整号码会被记录；办结后保存 ${summary.contactRetentionDays} 天。`,
    `住址：只在预约上门服务时填写，服务那天后保存 ${summary.contactRetentionDays} 天。`,
    `血压：只在您另外同意后保存，${summary.healthReadingRetentionDays} 天后自动删除，您可以随时删除。`,
    '相机：工作人员扫预约码、您扫服务点二维码时使用，不保存画面。',
  ]
}

function PrivacyGuideCard({ summary }: { summary: MyDataSummary }) {
  return (
    <View className='card privacy-card'>
      <Text className='card-title'>隐私保护指引</Text>
      {privacyPoints(summary).map((point) => (
        <Text key={point} className='plain-line privacy-point'>· {point}</Text>
      ))}
      {isWeapp() ? (
        <Button className='btn btn--secondary privacy-guide-open' onClick={openPrivacyGuide}>
          查看完整指引
        </Button>
      ) : null}
    </View>
  )
}

export default function MyDataPage() {
  const [user, setUser] = useSessionUser()
  const signedIn = !!user
  const [exporting, setExporting] = useState(false)
  const [deleting, setDeleting] = useState(false)
  const { state, retry } = usePageData(getMyDataSummary, [], { enabled: signedIn, reloadOnShow: true })

  const exportData = async () => {
    if (exporting) return
    setExporting(true)
    Taro.showLoading({ title: '正在导出…', mask: true })
    try {
      const file = await downloadMyData(chinaDate(new Date()))
      Taro.hideLoading()
      try {
        const done = await saveDownloadedFile(file, {
          title: '数据已导出',
          content: '点“转发”把文件发到微信聊天（例如“文件传输助手”），再在电脑上打开查看。',
        })
        if (!isWeapp()) Taro.showToast({ title: `已下载：${file.filename}`, icon: 'none', duration: 3000 })
        else if (done) Taro.showToast({ title: '已转发', icon: 'none' })
      } catch {
        Taro.showToast({ title: '文件没有保存成功，请再点一次导出', icon: 'none', duration: 3000 })
      }
    } catch (error) {
      Taro.hideLoading()
      Taro.showToast({ title: errorMessage(error), icon: 'none', duration: 3000 })
    } finally {
      setExporting(false)
    }
  }

  const deleteAccount = async () => {
    if (deleting) return
    const { confirm } = await Taro.showModal({
      title: '最后确认',
      content: '注销后不能恢复。确定要注销您的账号吗？',
      confirmText: '注销',
      confirmColor: '#C8161D',
      cancelText: '不注销',
    })
    if (!confirm) return
    setDeleting(true)
    Taro.showLoading({ title: '正在注销…', mask: true })
    try {
      await deleteMyAccount()
      Taro.hideLoading()
      // nothing of the account stays on the phone either
      clearSession()
      forgetBookings()
      submissionDrafts.clear()
      setUser(null)
      await Taro.showModal({ title: '账号已注销', content: '您的账号已经注销，个人信息已删除。', showCancel: false, confirmText: '知道了' })
      Taro.switchTab({ url: HOME_PAGE }).catch(() => undefined)
    } catch (error) {
      Taro.hideLoading()
      // e.g. a submission being handled at this very moment: asking again finishes the job
      Taro.showToast({ title: errorMessage(error), icon: 'none', duration: 3500 })
    } finally {
      setDeleting(false)
    }
  }

  if (!user) {
    return (
      <Page className='my-data-page'>
        <SignInCard why='登录后可以查看、导出您的个人信息，或注销账号。' />
      </Page>
    )
  }

  if (state.status !== 'ready') {
    return (
      <Page className='my-data-page'>
        <PageState state={state} onRetry={retry} />
      </Page>
    )
  }

  const summary = state.data
  return (
    <Page className='my-data-page'>
      <KeptCard summary={summary} />

      <View className='card export-card'>
        <Text className='card-title'>导出我的数据</Text>
        <Text className='plain-line'>把上面这些信息存成一个文件，可以发到电脑上查看或保存。</Text>
        <Button
          className={`btn btn--primary export-button${exporting ? ' btn--busy' : ''}`}
          loading={exporting || undefined}
          disabled={exporting || undefined}
          onClick={() => void exportData()}
        >
          导出我的数据
        </Button>
      </View>

      <PrivacyGuideCard summary={summary} />

      {summary.canDeleteAccount ? (
        <DeleteCard summary={summary} busy={deleting} onDelete={() => void deleteAccount()} />
      ) : (
        <View className='card delete-card'>
          <Text className='card-title'>注销账号</Text>
          <Text className='plain-line studio-role-note'>
            您是{ROLE_LABELS[user.role]}，不能在这里注销。请先请工作室管理员解除您的身份，再来注销。
          </Text>
        </View>
      )}
    </Page>
  )
}
