import type { Config } from '../config';
import type { Deps } from '../deps';
import { AuditRepository } from '../audit/audit.repository';
import { StudioRepository } from '../studio/studio.repository';
import { StandRepository } from '../stands/stand.repository';
import { StandFiguresRepository } from '../stands/stand-figures.repository';
import { SubmissionRepository } from '../submissions/submission.repository';
import { basicsOf, tableOf, type Basics } from '../wiring/basics';
import { MembershipRepository } from './membership.repository';
import { TownRepository } from './town.repository';
import { UnitRepository } from '../units/unit.repository';
import { AllianceRepository } from '../units/alliance.repository';

/** What a town invite's redemption needs (the auth context redeems every invite). */
export type MembershipDeps = Basics & Pick<Deps, 'users' | 'studios' | 'memberships'>;

/** 镇街: towns and their studios, their figures (submissions by month, stands' month items), memberships; the alliance of units and its three lists. */
export type TownsDeps = Basics & Pick<Deps, 'users' | 'studios' | 'stands' | 'standFigures' | 'submissions' | 'towns' | 'memberships' | 'audit' | 'units' | 'alliance'>;

export function townsDeps(cfg: Config): TownsDeps {
  const table = tableOf(cfg);
  return {
    ...basicsOf(cfg),
    studios: new StudioRepository(table),
    stands: new StandRepository(table),
    standFigures: new StandFiguresRepository(table),
    submissions: new SubmissionRepository(table),
    towns: new TownRepository(table),
    memberships: new MembershipRepository(table),
    audit: new AuditRepository(table),
    units: new UnitRepository(table),
    alliance: new AllianceRepository(table),
  };
}
