import { Text, View } from '@tarojs/components'
import type { ReadingView } from '@shared/schemas/reading'
import { chinaDate, formatChinaDate } from '@shared/time'

/**
 * Blood pressure over time, drawn with plain Views (no chart library, no canvas, no SVG): the same on weapp and
 * H5. Points are placed in percent of a plot box whose size is fixed in design px (`.chart-plot` in app.css), so
 * the line segments between them can be rotated by angles worked out here.
 */
export const CHART_MAX_POINTS = 12
/** Must match `.chart-plot` width and height in app.css (design px). */
const PLOT_WIDTH = 540
const PLOT_HEIGHT = 360
/** Left and right margins inside the plot, in percent, so the first and last dots are not cut. */
const X_MARGIN = 7

export interface ChartScale {
  min: number
  max: number
  ticks: number[]
}

/** A round range around the readings, at least 80 mmHg tall, gridlines every 20 (or 40 when tall). */
export function chartScale(readings: Array<Pick<ReadingView, 'systolic' | 'diastolic'>>): ChartScale {
  const low = Math.min(...readings.map((r) => r.diastolic))
  const high = Math.max(...readings.map((r) => r.systolic))
  let min = Math.max(20, Math.floor((low - 10) / 20) * 20)
  let max = Math.min(280, Math.ceil((high + 10) / 20) * 20)
  while (max - min < 80) {
    if (max < 280) max += 20
    else min -= 20
  }
  const step = max - min > 160 ? 40 : 20
  const ticks: number[] = []
  for (let v = max; v >= min; v -= step) ticks.push(v)
  return { min, max, ticks }
}

const yOf = (value: number, scale: ChartScale) => ((scale.max - value) / (scale.max - scale.min)) * 100
const xOf = (index: number, count: number) => (count === 1 ? 50 : X_MARGIN + (index * (100 - 2 * X_MARGIN)) / (count - 1))

interface Point {
  x: number
  y: number
}

/** A line from a to b (percent coordinates) as a rotated View. */
function segmentStyle(a: Point, b: Point): Record<string, string> {
  const dx = ((b.x - a.x) / 100) * PLOT_WIDTH
  const dy = ((b.y - a.y) / 100) * PLOT_HEIGHT
  const length = Math.sqrt(dx * dx + dy * dy)
  const angle = (Math.atan2(dy, dx) * 180) / Math.PI
  return {
    left: `${a.x.toFixed(2)}%`,
    top: `${a.y.toFixed(2)}%`,
    width: `${((length / PLOT_WIDTH) * 100).toFixed(2)}%`,
    transform: `rotate(${angle.toFixed(2)}deg)`,
  }
}

const at = (p: Point) => ({ left: `${p.x.toFixed(2)}%`, top: `${p.y.toFixed(2)}%` })

function shortDate(iso: string): string {
  const [, m, d] = chinaDate(iso).split('-')
  return `${Number(m)}/${Number(d)}`
}

function Series({ points, kind }: { points: Point[]; kind: 'systolic' | 'diastolic' }) {
  return (
    <View className={`chart-series chart-series--${kind}`}>
      {points.slice(1).map((p, i) => (
        <View key={`l${i}`} className={`chart-line chart-line--${kind}`} style={segmentStyle(points[i], p)} />
      ))}
      {points.map((p, i) => (
        <View key={`d${i}`} className={`chart-dot chart-dot--${kind}`} style={at(p)} />
      ))}
    </View>
  )
}

/** `readings` oldest first (as the API sends them); the chart shows the latest `CHART_MAX_POINTS`. */
export function ReadingsChart({ readings }: { readings: ReadingView[] }) {
  if (readings.length === 0) return null
  const shown = readings.slice(-CHART_MAX_POINTS)
  const scale = chartScale(shown)
  const n = shown.length
  const systolic = shown.map((r, i) => ({ x: xOf(i, n), y: yOf(r.systolic, scale) }))
  const diastolic = shown.map((r, i) => ({ x: xOf(i, n), y: yOf(r.diastolic, scale) }))
  const labelled = new Set(n <= 6 ? shown.map((_, i) => i) : [0, Math.floor((n - 1) / 2), n - 1])
  const last = shown[n - 1]

  return (
    <View className='card readings-chart' role='img' aria-label={`血压变化图，共 ${n} 次`}>
      <Text className='card-title'>血压变化</Text>
      <View className='chart-legend'>
        <View className='chart-legend-item'>
          <View className='chart-key chart-key--systolic' />
          <Text className='chart-legend-text'>高压（收缩压）</Text>
        </View>
        <View className='chart-legend-item'>
          <View className='chart-key chart-key--diastolic' />
          <Text className='chart-legend-text'>低压（舒张压）</Text>
        </View>
      </View>

      <View className='chart-body'>
        <View className='chart-axis'>
          {scale.ticks.map((v) => (
            <Text key={v} className='chart-tick' style={{ top: `${yOf(v, scale).toFixed(2)}%` }}>{v}</Text>
          ))}
        </View>
        <View className='chart-plot'>
          {scale.ticks.filter((v) => v > scale.min).map((v) => (
            <View key={v} className='chart-grid' style={{ top: `${yOf(v, scale).toFixed(2)}%` }} />
          ))}
          <Series points={diastolic} kind='diastolic' />
          <Series points={systolic} kind='systolic' />
        </View>
      </View>
      <View className='chart-dates'>
        {shown.map((r, i) => (labelled.has(i) ? (
          <Text key={r.id} className='chart-date' style={{ left: `${xOf(i, n).toFixed(2)}%` }}>{shortDate(r.measuredAt)}</Text>
        ) : null))}
      </View>

      <Text className='chart-caption'>
        {readings.length > n ? `图中是最近 ${n} 次。` : ''}单位：毫米汞柱（mmHg）
      </Text>
      <View className='chart-latest'>
        <Text className='chart-latest-when'>最近一次：{formatChinaDate(chinaDate(last.measuredAt))}</Text>
        <Text className='chart-latest-values'>高压 {last.systolic} · 低压 {last.diastolic}</Text>
      </View>
    </View>
  )
}
