import { Metrics as PowertoolsMetrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import type { Config } from '../config';
import { noMetrics, type MetricName, type Metrics } from '../metrics';

/** The namespace, service and stage the alarms of serverless.yml look for. */
export const METRICS_NAMESPACE = 'Lianxin';
export const METRICS_SERVICE = 'lianxin';

/**
 * Counts as CloudWatch embedded metric format (EMF) lines in the function's log: no API call, no extra latency.
 * Dimensions: `service` and `stage` on every count (what the alarms watch); a count with a kind is also published
 * on its own line with `kind` added, so that notices can be told apart by kind.
 */
export class EmfMetrics implements Metrics {
  private readonly metrics: PowertoolsMetrics;

  constructor(stage: string) {
    this.metrics = new PowertoolsMetrics({ namespace: METRICS_NAMESPACE, serviceName: METRICS_SERVICE, defaultDimensions: { stage } });
  }

  count(name: MetricName, value = 1, dimensions?: { kind: string }): void {
    if (value <= 0) return;
    this.metrics.addMetric(name, MetricUnit.Count, value);
    if (dimensions) this.metrics.singleMetric().addDimension('kind', dimensions.kind).addMetric(name, MetricUnit.Count, value);
  }

  level(name: MetricName, value: number): void {
    this.metrics.addMetric(name, MetricUnit.Count, value);
  }

  flush(): void {
    if (this.metrics.hasStoredMetrics()) this.metrics.publishStoredMetrics();
  }
}

/** One per container: EMF outside the local stage; nothing counted locally (the local outbox shows the notices). */
const shared = new Map<string, Metrics>();

export function metricsOf(cfg: Config): Metrics {
  if (cfg.isLocalStage) return noMetrics;
  let metrics = shared.get(cfg.stage);
  if (!metrics) {
    metrics = new EmfMetrics(cfg.stage);
    shared.set(cfg.stage, metrics);
  }
  return metrics;
}
