import type { NeedStatus, ProjectStatus, ResourceKind } from '@shared/schemas/alliance';
import { ULID, type PageKeyShape } from '../data/page-cursor';

/**
 * 资源清单 / 需求清单 / 项目清单: the items and every key of them (docs/access-patterns.md, patterns 153–165). All three
 * live in their town's partition (`TOWN#<townId>`, beside its studios and units), so that the town's whole list is one
 * Query on a prefix of the sort key; a unit's and a studio's lists are on GSI1 / GSI2.
 */

/** 资源清单: what a member unit offers. */
export interface Resource {
  id: string;
  townId: string;
  unitId: string;
  title: string;
  kind: ResourceKind;
  description?: string;
  /** 频次 / 数量 (free text: 每月两次, 周末开放 …). */
  amount?: string;
  /** False once withdrawn (撤下): kept, not suggested. */
  active: boolean;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** 需求清单: what a community (a studio of the town) needs. */
export interface Need {
  id: string;
  townId: string;
  studioId: string;
  studioName: string;
  title: string;
  kind: ResourceKind;
  description?: string;
  wantedBy?: string;
  status: NeedStatus;
  /** The project made from it (已对接). */
  projectId?: string;
  /** Who filed it, as their role and name read on the list (an office-holder acting for the studio). */
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

export interface Signature {
  name: string;
  at: string;
}

/** 项目清单: a need met by a unit (and one of its resources) — the 双向服务 agreement both sides sign. */
export interface Project {
  id: string;
  townId: string;
  needId: string;
  needTitle: string;
  studioId: string;
  studioName: string;
  unitId: string;
  unitName: string;
  resourceId?: string;
  resourceTitle?: string;
  kind: ResourceKind;
  owner: string;
  startDate: string;
  endDate: string;
  status: ProjectStatus;
  unitSignature?: Signature;
  studioSignature?: Signature;
  createdAt: string;
  updatedAt: string;
  /** Every change is a Put with `version = :read`: of two taps at once, one wins. */
  version: number;
}

const TIME = '\\d{4}-\\d{2}-\\d{2}T[0-9:.]+Z';

export const townPartition = (townId: string) => `TOWN#${townId}`;

export const RESOURCE_PREFIX = 'RESOURCE#';
export const resourcePrefixOfUnit = (unitId: string) => `RESOURCE#${unitId}#`;
export const resourceKey = (townId: string, unitId: string, resourceId: string) => ({ PK: townPartition(townId), SK: `RESOURCE#${unitId}#${resourceId}` });
export const resourceItem = (r: Resource) => ({ ...resourceKey(r.townId, r.unitId, r.id), type: 'Resource', ...r });
export const RESOURCE_SHAPE: PageKeyShape = { SK: new RegExp(`^RESOURCE#${ULID}#${ULID}$`) };

export const NEED_PREFIX = 'NEED#';
export const needKey = (townId: string, needId: string) => ({ PK: townPartition(townId), SK: `NEED#${needId}` });
export const needsOfStudio = (studioId: string) => `STUDIO#${studioId}#NEEDS`;
export const needItem = (n: Need) => ({ ...needKey(n.townId, n.id), type: 'Need', GSI1PK: needsOfStudio(n.studioId), GSI1SK: `${n.createdAt}#${n.id}`, ...n });
export const TOWN_NEED_SHAPE: PageKeyShape = { SK: new RegExp(`^NEED#${ULID}$`) };
export const STUDIO_NEED_SHAPE: PageKeyShape = { PK: new RegExp(`^TOWN#${ULID}$`), SK: new RegExp(`^NEED#${ULID}$`), GSI1SK: new RegExp(`^${TIME}#${ULID}$`) };

export const PROJECT_PREFIX = 'PROJECT#';
export const projectKey = (townId: string, projectId: string) => ({ PK: townPartition(townId), SK: `PROJECT#${projectId}` });
export const projectsOfUnit = (unitId: string) => `UNIT#${unitId}#PROJECTS`;
export const projectsOfStudio = (studioId: string) => `STUDIO#${studioId}#PROJECTS`;
export const projectItem = (p: Project) => ({
  ...projectKey(p.townId, p.id),
  type: 'Project',
  GSI1PK: projectsOfUnit(p.unitId),
  GSI1SK: `${p.createdAt}#${p.id}`,
  GSI2PK: projectsOfStudio(p.studioId),
  GSI2SK: `${p.createdAt}#${p.id}`,
  ...p,
});
export const TOWN_PROJECT_SHAPE: PageKeyShape = { SK: new RegExp(`^PROJECT#${ULID}$`) };
export const UNIT_PROJECT_SHAPE: PageKeyShape = { PK: new RegExp(`^TOWN#${ULID}$`), SK: new RegExp(`^PROJECT#${ULID}$`), GSI1SK: new RegExp(`^${TIME}#${ULID}$`) };
export const STUDIO_PROJECT_SHAPE: PageKeyShape = { PK: new RegExp(`^TOWN#${ULID}$`), SK: new RegExp(`^PROJECT#${ULID}$`), GSI2SK: new RegExp(`^${TIME}#${ULID}$`) };
