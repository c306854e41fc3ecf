import { useState } from 'react'
import Taro, { useDidShow } from '@tarojs/taro'
import { Button, Input, Text, View } from '@tarojs/components'
import { isServingRole, ROLE_LABELS } from '@shared/roles'
import { redeemInviteRequest } from '@shared/schemas/auth'
import { parseWith } from '@shared/validation'
import { getMe, getNotifications, listMyMemberships, redeemInvite } from '../../services/api'
import { errorMessage, isApiError } from '../../services/request'
import { clearSession, getSession, saveSession, updateUser } from '../../services/session'
import { openMyBookings, openPage } from '../../services/navigation'
import { forgetBookings } from '../../services/bookings'
import { ADMIN_HOME_PAGE, COINS_PAGE, CONSULTATIONS_PAGE, DEPT_QUEUE_PAGE, ERRANDS_PAGE, GRID_MATTERS_PAGE, MEMBERSHIPS_PAGE, MY_DATA_PAGE, MY_SECONDS_PAGE, NOTIFICATIONS_PAGE, READINGS_PAGE, REP_INBOX_PAGE, REP_WISH_REVIEW_PAGE, STAFF_COINS_PAGE, STAFF_ERRANDS_PAGE, STAFF_STANDS_PAGE, STAFF_WISH_ON_BEHALF_PAGE, SUBMISSIONS_PAGE, TOWN_COORDINATIONS_PAGE, TOWN_DESK_PAGE, TOWN_STUDIOS_PAGE, UNIT_SERVICES_PAGE, VOLUNTEER_PAGE, WISHES_PAGE } from '../../services/platform'
import { getLastStand } from '../../services/last-stand'
import { submitPageUrl } from '../../services/submissions'
import { useSessionUser } from '../../services/use-session-user'
import { SignInCard } from '../../components/sign-in-card'
import { Page } from '../../components/ui/page'
import { CareModeToggle } from '../../components/care-mode-toggle'
import { DeskScanCard } from '../../components/desk-scan-card'
import { AllianceCard } from './alliance-card'
import './index.css'

/**
 * 加入工作室 with an invite code: for the few who are given one (representatives, staff), so it waits behind a small
 * link rather than filling every resident's 我的.
 */
function InviteForm({ onJoined }: { onJoined: () => void }) {
  const [open, setOpen] = useState(false)
  const [code, setCode] = useState('')
  const [fieldError, setFieldError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const submit = async () => {
    if (busy) return
    const parsed = parseWith(redeemInviteRequest, { code })
    if (!parsed.ok) {
      setFieldError(parsed.fields.code ?? Object.values(parsed.fields)[0] ?? '邀请码不正确')
      return
    }
    setFieldError(null)
    setBusy(true)
    Taro.showLoading({ title: '正在加入…', mask: true })
    try {
      const session = await redeemInvite(parsed.value)
      saveSession(session)
      setCode('')
      Taro.hideLoading()
      Taro.showToast({ title: `已加入，您现在是${ROLE_LABELS[session.user.role]}`, icon: 'none', duration: 3000 })
      onJoined()
    } catch (error) {
      Taro.hideLoading()
      if (isApiError(error) && error.fields.code) setFieldError(error.fields.code)
      else Taro.showToast({ title: errorMessage(error), icon: 'none', duration: 3000 })
    } finally {
      setBusy(false)
    }
  }

  if (!open) {
    return (
      <View className='link-button invite-open' role='button' onClick={() => setOpen(true)}>
        <Text className='link-text'>我是党代表或工作人员，有邀请码 ›</Text>
      </View>
    )
  }

  return (
    <View className='card invite-card'>
      <Text className='card-title'>加入工作室</Text>
      <Text className='plain-line'>党代表和工作人员：请输入工作室管理员给您的邀请码。</Text>
      <Input
        className={`text-input invite-input${fieldError ? ' text-input--error' : ''}`}
        value={code}
        maxlength={12}
        placeholder='8 位邀请码'
        placeholderClass='input-placeholder'
        confirmType='done'
        onInput={(e) => {
          setCode(e.detail.value)
          if (fieldError) setFieldError(null)
        }}
        onConfirm={() => void submit()}
      />
      {fieldError ? <Text className='field-error invite-error'>{fieldError}</Text> : null}
      {/* undefined rather than false: on H5, `false` would become the attribute disabled="false" */}
      <Button
        className={`btn btn--primary invite-submit${busy ? ' btn--busy' : ''}`}
        loading={busy || undefined}
        disabled={busy || undefined}
        onClick={() => void submit()}
      >
        加入工作室
      </Button>
    </View>
  )
}

export default function MePage() {
  const [user, setUser] = useSessionUser()
  const [unread, setUnread] = useState(0)
  const [roles, setRoles] = useState(0)

  useDidShow(() => {
    if (!getSession()) return
    // the 消息 badge: refreshed each time 我的 shows (e.g. back from 消息, which marks all read)
    getNotifications()
      .then((res) => setUnread(typeof res?.unread === 'number' ? res.unread : 0))
      .catch(() => undefined)
    // quietly bring the role and studio up to date; failures keep what is stored
    getMe()
      .then((fresh) => {
        updateUser(fresh)
        setUser(fresh)
      })
      .catch(() => setUser(getSession()?.user ?? null))
    // 切换身份 when the person holds roles in more than one studio or town
    listMyMemberships()
      .then((res) => setRoles(res.memberships.length))
      .catch(() => undefined)
  })

  // 提意见 needs a studio: the last stand's, else the person's own studio (staff)
  const lastStand = getLastStand()
  const submitStudio = lastStand?.studioId
    ? { id: lastStand.studioId, standId: lastStand.standId, name: lastStand.studioName ?? '党代表工作室' }
    : user?.studioId
      ? { id: user.studioId, standId: undefined, name: user.studioName ?? '党代表工作室' }
      : null
  const openSubmit = () => {
    if (submitStudio) openPage(submitPageUrl(submitStudio.id, submitStudio.standId))
    else {
      Taro.showToast({ title: '请先扫一扫服务点的二维码', icon: 'none', duration: 2500 })
      Taro.switchTab({ url: '/pages/index/index' }).catch(() => undefined)
    }
  }

  const signOut = () => {
    Taro.showModal({ title: '退出登录', content: '确定要退出登录吗？', confirmText: '退出', cancelText: '取消' })
      .then(({ confirm }) => {
        if (!confirm) return
        clearSession()
        forgetBookings()
        setUser(null)
        Taro.showToast({ title: '已退出登录', icon: 'none' })
      })
      .catch(() => undefined)
  }

  if (!user) {
    return (
      <Page className='me-page'>
        <SignInCard why='登录后可以预约服务、提意见、查看答复。' />
        <CareModeToggle />
      </Page>
    )
  }

  return (
    <Page className='me-page'>
      <View className='card profile-card'>
        <Text className='me-name'>{user.displayName}</Text>
        <View className='profile-row'>
          <Text className='profile-label'>身份</Text>
          <Text className='me-role'>{ROLE_LABELS[user.role]}</Text>
        </View>
        {user.studioName ? (
          <View className='profile-row'>
            <Text className='profile-label'>工作室</Text>
            <Text className='me-studio'>{user.studioName}</Text>
          </View>
        ) : null}
      </View>

      <View
        className={`card card--link notifications-entry${unread > 0 ? ' notifications-entry--unread' : ''}`}
        hoverClass='card--pressed'
        role='button'
        onClick={() => openPage(NOTIFICATIONS_PAGE)}
      >
        <View className='entry-head'>
          <Text className='entry-title'>消息</Text>
          {unread > 0 ? <View className='unread-badge' role='img' aria-label={`${unread} 条未读`}>{unread > 99 ? '99+' : unread}</View> : null}
        </View>
        <Text className='plain-line'>{unread > 0 ? `有 ${unread} 条新消息` : '意见答复、预约提醒、服务点通知'}</Text>
        <Text className='card-action'>打开 ›</Text>
      </View>

      <View className='card card--link my-bookings-entry' hoverClass='card--pressed' role='button' onClick={openMyBookings}>
        <Text className='entry-title'>我的预约</Text>
        <Text className='plain-line'>查看预约码、排队号，取消预约</Text>
        <Text className='card-action'>打开 ›</Text>
      </View>

      <View className='card card--link submit-entry' hoverClass='card--pressed' role='button' onClick={openSubmit}>
        <Text className='entry-title'>提意见建议</Text>
        <Text className='plain-line'>
          {submitStudio ? `写给${submitStudio.name}` : '先扫一扫服务点的二维码，就能给党代表工作室提意见'}
        </Text>
        <Text className='card-action'>{submitStudio ? '去写 ›' : '去首页扫码 ›'}</Text>
      </View>

      <View className='card card--link my-submissions-entry' hoverClass='card--pressed' role='button' onClick={() => openPage(SUBMISSIONS_PAGE)}>
        <Text className='entry-title'>我的意见</Text>
        <Text className='plain-line'>查看办理进度和答复，给办理结果评价</Text>
        <Text className='card-action'>打开 ›</Text>
      </View>

      <View className='card card--link readings-entry' hoverClass='card--pressed' role='button' onClick={() => openPage(READINGS_PAGE)}>
        <Text className='entry-title'>我的血压记录</Text>
        <Text className='plain-line'>看血压变化，管理保存和删除</Text>
        <Text className='card-action'>打开 ›</Text>
      </View>

      <View className='card card--link coins-entry' hoverClass='card--pressed' role='button' onClick={() => openPage(COINS_PAGE)}>
        <Text className='entry-title'>我的幸福币</Text>
        <Text className='plain-line'>参加活动挣幸福币，到服务点换东西</Text>
        <Text className='card-action'>打开 ›</Text>
      </View>

      <View className='card card--link volunteer-entry' hoverClass='card--pressed' role='button' onClick={() => openPage(VOLUNTEER_PAGE)}>
        <Text className='entry-title'>当志愿者</Text>
        <Text className='plain-line'>登记能帮的事和有空的时间；在职党员到社区报到</Text>
        <Text className='card-action'>打开 ›</Text>
      </View>

      <AllianceCard user={user} />
      {user.role === 'unit_liaison' && user.townId ? (
        <View className='card card--link unit-services-entry' hoverClass='card--pressed' role='button' onClick={() => openPage(UNIT_SERVICES_PAGE)}>
          <Text className='entry-title'>本单位服务</Text>
          <Text className='plain-line'>本单位在服务点提供的服务（如义诊）：谁预约了，记录服务结果</Text>
          <Text className='card-action'>打开 ›</Text>
        </View>
      ) : null}

      <DeskScanCard role={user.role} />

      <View className='card card--link consultations-entry' hoverClass='card--pressed' role='button' onClick={() => openPage(CONSULTATIONS_PAGE)}>
        <Text className='entry-title'>议事协商</Text>
        <Text className='plain-line'>大家关心的事一起商量：报名参加，看协商决定和落实结果</Text>
        <Text className='card-action'>打开 ›</Text>
      </View>

      {(user.role === 'liaison' || user.role === 'unit_liaison') && user.departmentId ? (
        <View className='card card--link dept-entry' hoverClass='card--pressed' role='button' onClick={() => openPage(DEPT_QUEUE_PAGE)}>
          <Text className='entry-title'>部门待办</Text>
          <Text className='plain-line'>{user.role === 'unit_liaison' ? '各工作室交办给本单位的事：签收、反馈进展和结果' : '工作室交办给本部门的事：签收、反馈进展和结果'}</Text>
          <Text className='card-action'>打开 ›</Text>
        </View>
      ) : null}

      {user.role === 'unit_liaison' && user.townId ? (
        <View className='card card--link coordinations-entry' hoverClass='card--pressed' role='button' onClick={() => openPage(TOWN_COORDINATIONS_PAGE)}>
          <Text className='entry-title'>协调会</Text>
          <Text className='plain-line'>镇街召开的成员单位协调会：时间、议程和会议决定</Text>
          <Text className='card-action'>打开 ›</Text>
        </View>
      ) : null}

      <View className='card card--link town-studios-entry' hoverClass='card--pressed' role='button' onClick={() => openPage(TOWN_STUDIOS_PAGE)}>
        <Text className='entry-title'>工作室</Text>
        <Text className='plain-line'>本镇街的党代表工作室、服务地点和下次集日，关注常去的</Text>
        <Text className='card-action'>打开 ›</Text>
      </View>

      <View className='card card--link seconds-entry' hoverClass='card--pressed' role='button' onClick={() => openPage(MY_SECONDS_PAGE)}>
        <Text className='entry-title'>我附议的事</Text>
        <Text className='plain-line'>别人先反映、您也遇到的事，看看办得怎么样了</Text>
        <Text className='card-action'>打开 ›</Text>
      </View>

      <View className='card card--link wishes-entry' hoverClass='card--pressed' role='button' onClick={() => openPage(WISHES_PAGE)}>
        <Text className='entry-title'>微心愿</Text>
        <Text className='plain-line'>许个小心愿，志愿者来帮您圆；志愿者在心愿墙上认领</Text>
        <Text className='card-action'>打开 ›</Text>
      </View>

      <View className='card card--link errands-entry' hoverClass='card--pressed' role='button' onClick={() => openPage(ERRANDS_PAGE)}>
        <Text className='entry-title'>代办服务</Text>
        <Text className='plain-line'>代购药品、代缴水电费、上门理发……下单后志愿者上门；志愿者在这里接单</Text>
        <Text className='card-action'>打开 ›</Text>
      </View>

      <View className='card card--link my-data-entry' hoverClass='card--pressed' role='button' onClick={() => openPage(MY_DATA_PAGE)}>
        <Text className='entry-title'>我的数据</Text>
        <Text className='plain-line'>看保存了哪些信息，导出一份，或注销账号</Text>
        <Text className='card-action'>打开 ›</Text>
      </View>

      {roles > 1 ? (
        <View className='card card--link memberships-entry' hoverClass='card--pressed' role='button' onClick={() => openPage(MEMBERSHIPS_PAGE)}>
          <Text className='entry-title'>切换身份</Text>
          <Text className='plain-line'>您在 {roles} 个工作室或镇街任职，点这里换一个身份办事</Text>
          <Text className='card-action'>打开 ›</Text>
        </View>
      ) : null}

      {user.role === 'town_admin' && user.townId ? (
        <View className='card card--link town-desk-entry' hoverClass='card--pressed' role='button' onClick={() => openPage(TOWN_DESK_PAGE)}>
          <Text className='entry-title'>镇街工作台</Text>
          <Text className='plain-line'>各工作室本月数据对比、导出表格、新建工作室</Text>
          <Text className='card-action'>打开 ›</Text>
        </View>
      ) : null}

      {isServingRole(user.role) && user.studioId ? (
        <View className='card card--link staff-entry' hoverClass='card--pressed' role='button' onClick={() => openPage(STAFF_STANDS_PAGE)}>
          <Text className='entry-title'>服务点工作台</Text>
          <Text className='plain-line'>签到、现场取号、叫号</Text>
          <Text className='card-action'>打开 ›</Text>
        </View>
      ) : null}

      {isServingRole(user.role) && user.studioId ? (
        <View className='card card--link staff-errands-entry' hoverClass='card--pressed' role='button' onClick={() => openPage(STAFF_ERRANDS_PAGE)}>
          <Text className='entry-title'>代办服务：审核与派单</Text>
          <Text className='plain-line'>审核居民点的单，派给志愿者或确认接单，记联系情况</Text>
          <Text className='card-action'>打开 ›</Text>
        </View>
      ) : null}

      {isServingRole(user.role) && user.studioId ? (
        <View className='card card--link staff-coins-entry' hoverClass='card--pressed' role='button' onClick={() => openPage(STAFF_COINS_PAGE)}>
          <Text className='entry-title'>幸福币：记分与兑换</Text>
          <Text className='plain-line'>按卡号为居民记幸福币，凭兑换码发放奖品</Text>
          <Text className='card-action'>打开 ›</Text>
        </View>
      ) : null}

      {isServingRole(user.role) && user.studioId ? (
        <View className='card card--link staff-wishes-entry' hoverClass='card--pressed' role='button' onClick={() => openPage(STAFF_WISH_ON_BEHALF_PAGE)}>
          <Text className='entry-title'>代填心愿</Text>
          <Text className='plain-line'>替没有手机的居民许心愿，圆梦后替他们确认</Text>
          <Text className='card-action'>打开 ›</Text>
        </View>
      ) : null}

      {(user.role === 'representative' || user.role === 'admin') && user.studioId ? (
        <View className='card card--link rep-entry' hoverClass='card--pressed' role='button' onClick={() => openPage(REP_INBOX_PAGE)}>
          <Text className='entry-title'>意见办理</Text>
          <Text className='plain-line'>受理、分流、答复、办结居民的意见建议</Text>
          <Text className='card-action'>打开 ›</Text>
        </View>
      ) : null}

      {(user.role === 'representative' || user.role === 'admin') && user.studioId ? (
        <View className='card card--link rep-wishes-entry' hoverClass='card--pressed' role='button' onClick={() => openPage(REP_WISH_REVIEW_PAGE)}>
          <Text className='entry-title'>心愿审核</Text>
          <Text className='plain-line'>审核居民的微心愿，通过后上心愿墙</Text>
          <Text className='card-action'>打开 ›</Text>
        </View>
      ) : null}

      {user.role === 'grid_head' && user.studioId && user.gridId ? (
        <View className='card card--link grid-entry' hoverClass='card--pressed' role='button' onClick={() => openPage(GRID_MATTERS_PAGE)}>
          <Text className='entry-title'>网格待办</Text>
          <Text className='plain-line'>居民提意见时选了您负责的网格的事</Text>
          <Text className='card-action'>打开 ›</Text>
        </View>
      ) : null}

      {user.role === 'admin' && user.studioId ? (
        <View className='card card--link admin-entry' hoverClass='card--pressed' role='button' onClick={() => openPage(ADMIN_HOME_PAGE)}>
          <Text className='entry-title'>工作室设置</Text>
          <Text className='plain-line'>服务项目、地点与排期、二维码海报、取消服务</Text>
          <Text className='card-action'>打开 ›</Text>
        </View>
      ) : null}

      <CareModeToggle />

      <InviteForm
        onJoined={() => {
          setUser(getSession()?.user ?? null)
          listMyMemberships()
            .then((res) => setRoles(res.memberships.length))
            .catch(() => undefined)
        }}
      />

      <Button className='btn btn--secondary logout-button' onClick={signOut}>退出登录</Button>
    </Page>
  )
}
