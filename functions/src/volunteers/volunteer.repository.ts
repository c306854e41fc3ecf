import { DeleteCommand, GetCommand, PutCommand, QueryCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { queryPage, ULID } from '../data/page-cursor';
import type { VolunteerStatus } from '@shared/schemas/volunteers';
import { cancellationReasons, entityOf, isConditionFailure, queryAll, type TableRef } from '../data/dynamodb-client';

export interface Volunteer {
  studioId: string;
  userId: string;
  displayName: string;
  status: VolunteerStatus;
  partyMember: boolean;
  inService: boolean;
  organisation?: string;
  skills: string[];
  availability: string;
  teamIds: string[];
  registeredAt: string;
  decidedAt?: string;
  reason?: string;
}

export interface Team {
  studioId: string;
  id: string;
  name: string;
  leaderUserId?: string;
  /** userId → name, for the team's list without reading every volunteer. */
  members: Record<string, string>;
}

// Keys (docs/access-patterns.md, "Volunteers"). A registration lives under its person (their data; deleted with the
// account) and is listed for its studio by status on GSI1.
const volunteerKey = (userId: string, studioId: string) => ({ PK: `USER#${userId}`, SK: `VOLUNTEER#${studioId}` });
const byStatus = (studioId: string, status: VolunteerStatus) => `STUDIO#${studioId}#VOLUNTEERS#${status}`;
/** Where a page of a studio's volunteers stops (GSI1): the registration's key and its registeredAt#userId. */
const VOLUNTEERS_PAGE = { PK: new RegExp(`^USER#${ULID}$`), SK: new RegExp(`^VOLUNTEER#${ULID}$`), GSI1SK: new RegExp(`^\\d{4}-\\d{2}-\\d{2}T[0-9:.]+Z#${ULID}$`) } as const;
const teamKey = (studioId: string, teamId: string) => ({ PK: `STUDIO#${studioId}`, SK: `TEAM#${teamId}` });

const volunteerItem = (v: Volunteer) => ({ ...volunteerKey(v.userId, v.studioId), type: 'Volunteer', ...v, GSI1PK: byStatus(v.studioId, v.status), GSI1SK: `${v.registeredAt}#${v.userId}` });
const volunteerOf = (item: Record<string, unknown>): Volunteer => {
  const { GSI1PK: _pk, GSI1SK: _sk, ...rest } = entityOf<Volunteer & { GSI1PK?: string; GSI1SK?: string }>(item);
  return rest;
};
const teamOf = (item: Record<string, unknown>): Team => ({
  studioId: item.studioId as string,
  id: item.id as string,
  name: item.name as string,
  ...(item.leaderUserId ? { leaderUserId: item.leaderUserId as string } : {}),
  members: (item.members as Record<string, string> | undefined) ?? {},
});

export class VolunteerRepository {
  constructor(private readonly table: TableRef) {}

  private get T() {
    return this.table.tableName;
  }

  /** Access pattern: a person's registration at a studio — GetItem PK=USER#id, SK=VOLUNTEER#studioId (consistent). */
  async get(userId: string, studioId: string): Promise<Volunteer | undefined> {
    const out = await this.table.client.send(new GetCommand({ TableName: this.T, Key: volunteerKey(userId, studioId), ConsistentRead: true }));
    return out.Item ? volunteerOf(out.Item) : undefined;
  }

  /** Access pattern: a person's registrations at every studio (their data) — Query PK=USER#id AND begins_with(SK, 'VOLUNTEER#'). */
  async listOfUser(userId: string): Promise<Volunteer[]> {
    const items = await queryAll(this.table, { KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)', ExpressionAttributeValues: { ':pk': `USER#${userId}`, ':prefix': 'VOLUNTEER#' }, ConsistentRead: true });
    return items.map(volunteerOf);
  }

  /**
   * Writes the registration as given, only if it is still as it was read (`status` of the read item, or none): two
   * taps at once, or an admin's decision in between, do not overwrite each other. False when it changed.
   */
  async save(v: Volunteer, previous: Volunteer | undefined): Promise<boolean> {
    try {
      await this.table.client.send(
        new PutCommand({
          TableName: this.T,
          Item: volunteerItem(v),
          ConditionExpression: previous ? '#status = :was AND registeredAt = :at' : 'attribute_not_exists(PK)',
          ...(previous ? { ExpressionAttributeNames: { '#status': 'status' }, ExpressionAttributeValues: { ':was': previous.status, ':at': previous.registeredAt } } : {}),
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  /** Access pattern 80: a studio's volunteers by status, oldest first — Query GSI1 GSI1PK=STUDIO#id#VOLUNTEERS#status, a page at a time. */
  async listOfStudio(studioId: string, status: VolunteerStatus, page: { limit: number; cursor?: string }): Promise<{ volunteers: Volunteer[]; nextCursor?: string }> {
    const out = await queryPage(this.table, { partition: { GSI1PK: byStatus(studioId, status) }, shape: VOLUNTEERS_PAGE }, { IndexName: 'GSI1' }, page);
    return { volunteers: out.items.map(volunteerOf), nextCursor: out.nextCursor };
  }

  /** Access pattern: a studio's teams — Query PK=STUDIO#id AND begins_with(SK, 'TEAM#') (a few per studio). */
  async listTeams(studioId: string): Promise<Team[]> {
    const out = await this.table.client.send(
      new QueryCommand({ TableName: this.T, KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)', ExpressionAttributeValues: { ':pk': `STUDIO#${studioId}`, ':prefix': 'TEAM#' }, ConsistentRead: true }),
    );
    return (out.Items ?? []).map(teamOf);
  }

  async getTeam(studioId: string, teamId: string): Promise<Team | undefined> {
    const out = await this.table.client.send(new GetCommand({ TableName: this.T, Key: teamKey(studioId, teamId), ConsistentRead: true }));
    return out.Item ? teamOf(out.Item) : undefined;
  }

  async createTeam(team: Team): Promise<void> {
    await this.table.client.send(new PutCommand({ TableName: this.T, Item: { ...teamKey(team.studioId, team.id), type: 'VolunteerTeam', ...team }, ConditionExpression: 'attribute_not_exists(PK)' }));
  }

  /**
   * Puts an approved volunteer in a team (and makes them its leader when asked): one transaction — the team (exists)
   * gets the member, the registration (still approved) gets the team. `not-approved` or `no-team` when a condition failed.
   */
  async addMember(studioId: string, teamId: string, volunteer: Volunteer, leader: boolean): Promise<'added' | 'not-approved' | 'no-team'> {
    try {
      await this.table.client.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Update: {
                TableName: this.T,
                Key: teamKey(studioId, teamId),
                UpdateExpression: `SET members.#user = :name${leader ? ', leaderUserId = :user' : ''}`,
                ConditionExpression: 'attribute_exists(PK)',
                ExpressionAttributeNames: { '#user': volunteer.userId },
                ExpressionAttributeValues: { ':name': volunteer.displayName, ...(leader ? { ':user': volunteer.userId } : {}) },
              },
            },
            {
              Update: {
                TableName: this.T,
                Key: volunteerKey(volunteer.userId, studioId),
                UpdateExpression: 'SET teamIds = list_append(if_not_exists(teamIds, :none), :team)',
                ConditionExpression: '#status = :approved AND NOT contains(teamIds, :teamId)',
                ExpressionAttributeNames: { '#status': 'status' },
                ExpressionAttributeValues: { ':none': [], ':team': [teamId], ':teamId': teamId, ':approved': 'approved' },
              },
            },
          ],
        }),
      );
      return 'added';
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      const [team, registration] = cancellationReasons(error);
      if (team === 'ConditionalCheckFailed') return 'no-team';
      if (registration === 'ConditionalCheckFailed') {
        // already a member: only the leader changes
        const current = await this.get(volunteer.userId, studioId);
        if (current?.status === 'approved' && current.teamIds.includes(teamId)) {
          if (leader) await this.table.client.send(new UpdateCommand({ TableName: this.T, Key: teamKey(studioId, teamId), UpdateExpression: 'SET leaderUserId = :user', ExpressionAttributeValues: { ':user': volunteer.userId } }));
          return 'added';
        }
        return 'not-approved';
      }
      throw error;
    }
  }

  /** Takes a person out of a team (and out of its lead); the registration forgets the team. Works also for a deleted account. */
  async removeMember(studioId: string, teamId: string, userId: string, teamIds: string[] | undefined): Promise<void> {
    await this.table.client.send(
      new UpdateCommand({
        TableName: this.T,
        Key: teamKey(studioId, teamId),
        UpdateExpression: 'REMOVE members.#user',
        ConditionExpression: 'attribute_exists(PK)',
        ExpressionAttributeNames: { '#user': userId },
      }),
    ).catch((error) => {
      if (!isConditionFailure(error)) throw error;
    });
    await this.table.client.send(
      new UpdateCommand({ TableName: this.T, Key: teamKey(studioId, teamId), UpdateExpression: 'REMOVE leaderUserId', ConditionExpression: 'leaderUserId = :user', ExpressionAttributeValues: { ':user': userId } }),
    ).catch((error) => {
      if (!isConditionFailure(error)) throw error;
    });
    if (teamIds) {
      const rest = teamIds.filter((id) => id !== teamId);
      await this.table.client.send(new UpdateCommand({ TableName: this.T, Key: volunteerKey(userId, studioId), UpdateExpression: 'SET teamIds = :rest', ConditionExpression: 'attribute_exists(PK)', ExpressionAttributeValues: { ':rest': rest } })).catch((error) => {
        if (!isConditionFailure(error)) throw error;
      });
    }
  }

  /** The registration itself (their account is deleted; teams are left first). */
  async delete(userId: string, studioId: string): Promise<void> {
    await this.table.client.send(new DeleteCommand({ TableName: this.T, Key: volunteerKey(userId, studioId) }));
  }
}
