import { Button, Text, View } from '@tarojs/components'
import { listServices } from '../../../services/api'
import { openPage } from '../../../services/navigation'
import { ADMIN_SERVICE_EDIT_PAGE } from '../../../services/platform'
import { usePageData } from '../../../services/use-page-data'
import { useSessionUser } from '../../../services/use-session-user'
import { PageState } from '../../../components/page-state'
import { isAdminUser, NoAdminAccess } from '../../admin-access'
import { rememberServices } from '../../store'
import { Page } from '../../../components/ui/page'
import '../../styles.css'

async function loadServices(studioId: string) {
  const { services } = await listServices(studioId)
  rememberServices(services)
  return services
}

export default function AdminServicesPage() {
  const [user] = useSessionUser()
  const studioId = isAdminUser(user) ? user.studioId : null
  // back from the form: show what was saved
  const { state, retry } = usePageData(() => loadServices(studioId as string), [studioId], {
    enabled: !!studioId,
    reloadOnShow: true,
    pullDownRefresh: true,
    onRefreshError: 'keep',
  })

  if (!isAdminUser(user)) return <NoAdminAccess user={user} />

  return (
    <Page className='admin-page admin-services-page'>
      <Button className='btn btn--primary add-service' onClick={() => openPage(ADMIN_SERVICE_EDIT_PAGE)}>＋ 新增服务项目</Button>

      <PageState state={state} onRetry={retry} />

      {state.status === 'ready' && state.data.length === 0 ? (
        <View className='card'>
          <Text className='card-title'>还没有服务项目</Text>
          <Text className='plain-line'>先添加服务项目，再在“地点与排期”里安排到集市上。</Text>
        </View>
      ) : null}

      {state.status === 'ready'
        ? state.data.map((service) => (
          <View
            key={service.id}
            className='card card--link service-item'
            hoverClass='card--pressed'
            role='button'
            onClick={() => openPage(`${ADMIN_SERVICE_EDIT_PAGE}?id=${encodeURIComponent(service.id)}`)}
          >
            <Text className='entry-title'>{service.name}</Text>
            {service.providerName ? <Text className='plain-line service-item-provider'>由{service.providerName}提供</Text> : null}
            {service.description ? <Text className='plain-line'>{service.description}</Text> : null}
            <Text className='plain-line service-item-numbers'>每人约 {service.minutesPerPerson} 分钟 · 同时 {service.peoplePerSlot} 人</Text>
            {service.homeVisit || service.keepsHealthReadings ? (
              <View className='tag-row'>
                {service.homeVisit ? <Text className='tag'>上门服务</Text> : null}
                {service.keepsHealthReadings ? <Text className='tag'>记录血压</Text> : null}
              </View>
            ) : null}
            <Text className='card-action'>修改 ›</Text>
          </View>
        ))
        : null}
    </Page>
  )
}
