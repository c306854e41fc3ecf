import {
  NEED_STATUS_LABELS,
  PROJECT_STATUS_LABELS,
  RESOURCE_KIND_LABELS,
  UNIT_KIND_LABELS,
  type NeedView,
  type ProjectView,
  type ResourceView,
  type UnitView,
} from '@shared/schemas/alliance';
import type { Need, Project, Resource } from './alliance.repository';
import type { Unit } from './unit.repository';

export const unitView = (u: Unit): UnitView => ({
  id: u.id,
  townId: u.townId,
  name: u.name,
  kind: u.kind,
  kindLabel: UNIT_KIND_LABELS[u.kind],
  ...(u.intro ? { intro: u.intro } : {}),
  ...(u.contactName ? { contactName: u.contactName } : {}),
  ...(u.contactPhone ? { contactPhone: u.contactPhone } : {}),
  active: u.active,
  createdAt: u.createdAt,
  version: u.version,
});

/** A resource with its unit's name as it is now (the unit's profile may have been edited since). */
export const resourceView = (r: Resource, unitName: string): ResourceView => ({
  id: r.id,
  townId: r.townId,
  unitId: r.unitId,
  unitName,
  title: r.title,
  kind: r.kind,
  kindLabel: RESOURCE_KIND_LABELS[r.kind],
  ...(r.description ? { description: r.description } : {}),
  ...(r.amount ? { amount: r.amount } : {}),
  active: r.active,
  createdAt: r.createdAt,
  version: r.version,
});

export const needView = (n: Need): NeedView => ({
  id: n.id,
  townId: n.townId,
  studioId: n.studioId,
  studioName: n.studioName,
  title: n.title,
  kind: n.kind,
  kindLabel: RESOURCE_KIND_LABELS[n.kind],
  ...(n.description ? { description: n.description } : {}),
  ...(n.wantedBy ? { wantedBy: n.wantedBy } : {}),
  status: n.status,
  statusLabel: NEED_STATUS_LABELS[n.status],
  ...(n.projectId ? { projectId: n.projectId } : {}),
  createdBy: n.createdBy,
  createdAt: n.createdAt,
});

export const projectView = (p: Project): ProjectView => ({
  id: p.id,
  townId: p.townId,
  needId: p.needId,
  needTitle: p.needTitle,
  studioId: p.studioId,
  studioName: p.studioName,
  unitId: p.unitId,
  unitName: p.unitName,
  ...(p.resourceId ? { resourceId: p.resourceId, resourceTitle: p.resourceTitle } : {}),
  kind: p.kind,
  owner: p.owner,
  startDate: p.startDate,
  endDate: p.endDate,
  status: p.status,
  statusLabel: PROJECT_STATUS_LABELS[p.status],
  ...(p.unitSignature ? { unitSignature: p.unitSignature } : {}),
  ...(p.studioSignature ? { studioSignature: p.studioSignature } : {}),
  createdAt: p.createdAt,
  version: p.version,
});
