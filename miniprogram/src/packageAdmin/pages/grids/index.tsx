import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Button, Input, Text, View } from '@tarojs/components'
import { GRID_KINDS, upsertGridRequest, type GridKind, type GridView } from '@shared/schemas/grid'
import { parseWith } from '@shared/validation'
import { createGrid, listGrids, updateGrid } from '../../../services/api'
import { errorMessage, isApiError } from '../../../services/request'
import { revealFirstError } from '../../../services/reveal-error'
import { usePageData } from '../../../services/use-page-data'
import { useSessionUser } from '../../../services/use-session-user'
import { openPage } from '../../../services/navigation'
import { ADMIN_MEMBERS_PAGE } from '../../../services/platform'
import { PageState } from '../../../components/page-state'
import { BusyButton } from '../../../components/ui/busy-button'
import { ChipGroup } from '../../../components/ui/chip-group'
import { Field } from '../../../components/ui/field'
import { Page } from '../../../components/ui/page'
import { isAdminUser, NoAdminAccess } from '../../admin-access'
import '../../styles.css'

interface Draft {
  name: string
  kind: GridKind
  area: string
}
const EMPTY: Draft = { name: '', kind: '网格', area: '' }

/** One grid: its name, what it is (网格 / 院落 / 小区 / 自然村), the area it covers. */
function GridForm({ studioId, grid, onSaved }: { studioId: string; grid?: GridView; onSaved: () => void }) {
  const [draft, setDraft] = useState<Draft>(grid ? { name: grid.name, kind: grid.kind, area: grid.area ?? '' } : EMPTY)
  const [fields, setFields] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState(false)
  const change = (patch: Partial<Draft>) => setDraft({ ...draft, ...patch })
  const save = async () => {
    const parsed = parseWith(upsertGridRequest, { name: draft.name, kind: draft.kind, ...(draft.area.trim() ? { area: draft.area } : {}) })
    if (!parsed.ok) {
      setFields(parsed.fields)
      revealFirstError()
      return
    }
    setBusy(true)
    try {
      if (grid) await updateGrid(studioId, grid.id, parsed.value)
      else await createGrid(studioId, parsed.value)
      Taro.showToast({ title: '已保存', icon: 'none' })
      setFields({})
      if (!grid) setDraft(EMPTY)
      onSaved()
    } catch (e) {
      if (isApiError(e) && e.fields) setFields(e.fields)
      Taro.showToast({ title: errorMessage(e), icon: 'none', duration: 3000 })
    } finally {
      setBusy(false)
    }
  }
  return (
    <View className='card grid-form'>
      <Text className='card-title'>{grid ? `修改「${grid.name}」` : '新增网格'}</Text>
      <Field label='名称' error={fields.name} errorClass='grid-name-error'>
        <Input className='text-input text-input--plain grid-name' value={draft.name} maxlength={20} placeholder='例如：人民路网格、新村院落' placeholderClass='input-placeholder' onInput={(e) => change({ name: e.detail.value })} />
      </Field>
      <Field label='类型' error={fields.kind} errorClass='grid-kind-error'>
        <ChipGroup label='类型' kind='radio' columns={2} chipClass='grid-kind' options={GRID_KINDS.map((k) => ({ value: k, label: k }))} isOn={(k) => k === draft.kind} onTap={(kind) => change({ kind })} />
      </Field>
      <Field label='范围（可不填）' error={fields.area} errorClass='grid-area-error'>
        <Input className='text-input text-input--plain grid-area' value={draft.area} maxlength={80} placeholder='例如：人民路两侧、农贸市场' placeholderClass='input-placeholder' onInput={(e) => change({ area: e.detail.value })} />
      </Field>
      <BusyButton label='保存' busyLabel='正在保存…' busy={busy} className='btn--primary grid-save' onClick={() => void save()} />
    </View>
  )
}

/** 网格与网格员: the admin divides the studio's area into grids; grid heads are invited for a grid in 成员与邀请. */
export default function GridsPage() {
  const [user] = useSessionUser()
  const allowed = isAdminUser(user)
  const studioId = allowed ? user.studioId : ''
  const [editing, setEditing] = useState<string | null>(null)
  const { state, retry, reload } = usePageData(async () => (await listGrids(studioId)).grids, [studioId], { enabled: allowed })
  if (!allowed) return <NoAdminAccess user={user} />
  if (state.status !== 'ready') {
    return (
      <Page className='admin-page grids-page'>
        <PageState state={state} onRetry={retry} />
      </Page>
    )
  }
  const saved = () => {
    setEditing(null)
    void reload()
  }
  return (
    <Page className='admin-page grids-page'>
      {state.data.length === 0 ? <Text className='plain-line grids-empty'>还没有网格。先新增网格，再到「成员与邀请」给每个网格发网格员邀请码。</Text> : null}
      {state.data.map((g) =>
        editing === g.id ? (
          <GridForm key={g.id} studioId={studioId} grid={g} onSaved={saved} />
        ) : (
          <View key={g.id} className='card grid-row'>
            <Text className='card-title grid-row-name'>{`${g.name}（${g.kind}）`}</Text>
            {g.area ? <Text className='plain-line'>{`范围：${g.area}`}</Text> : null}
            <Text className='plain-line grid-row-heads'>{g.heads.length ? `网格员：${g.heads.map((h) => h.displayName).join('、')}` : '网格员：未公示或还没有'}</Text>
            <Button className='btn btn--secondary grid-edit' onClick={() => setEditing(g.id)}>修改</Button>
          </View>
        ),
      )}
      <GridForm key={`new-${state.data.length}`} studioId={studioId} onSaved={saved} />
      <Button className='btn btn--secondary grids-invite' onClick={() => openPage(ADMIN_MEMBERS_PAGE)}>去发网格员邀请码 ›</Button>
    </Page>
  )
}
