import { GetCommand, PutCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { StudioRole, TownRole } from '@shared/roles';
import { cancellationReasons, entityOf, isConditionFailure, queryAll, type TableRef } from '../data/dynamodb-client';
import type { ItemRead } from '../data/batch-reader';
import { activateUpdate, keepMembershipUpdate, membershipKey, membershipToItem, type Membership } from '../towns/membership-items';

export interface Studio {
  id: string;
  name: string;
  town: string;
  /** The town (镇/街道) it belongs to, when one was made for it (functions/src/towns). */
  townId?: string;
  address?: string;
  createdAt: string;
}

export interface StudioMember {
  studioId: string;
  userId: string;
  role: StudioRole;
  displayName: string;
  joinedAt: string;
  /** A grid head's grid (网格员 / 院落长): they act for that grid only. */
  gridId?: string;
  /** A grid head agreed to be listed by name on the studio's page (网格员公示). */
  listed?: boolean;
  /** A liaison's department. */
  departmentId?: string;
}

/** A one-time, expiring code by which a studio admin grants a studio role. */
export interface Invite {
  code: string;
  /**
   * The studio of a studio role; a town invite has `townId`: `town_admin` (made by the operator's `npm run town`) or
   * `unit_liaison` (made by a town admin, naming the unit in `departmentId`).
   */
  studioId?: string;
  townId?: string;
  role: StudioRole | TownRole;
  /** For a grid head: the grid the role is for. */
  gridId?: string;
  /** A liaison's invite names the department; a unit liaison's, the unit. */
  departmentId?: string;
  createdBy: string;
  createdAt: string;
  expiresAt: string;
  usedBy?: string;
  usedAt?: string;
}

// Keys of the studio, its members and its invites (docs/access-patterns.md).
const studioKey = (studioId: string) => ({ PK: `STUDIO#${studioId}`, SK: 'PROFILE' });
const memberKey = (studioId: string, userId: string) => ({ PK: `STUDIO#${studioId}`, SK: `MEMBER#${userId}` });
const inviteKey = (code: string) => ({ PK: `INVITE#${code}`, SK: 'INVITE' });
const userKey = (userId: string) => ({ PK: `USER#${userId}`, SK: 'PROFILE' });

// GSI1 `STUDIOS`: every studio, for the jobs that go through all of them (the daily overdue count)
export const studioToItem = (s: Studio) => ({ ...studioKey(s.id), GSI1PK: 'STUDIOS', GSI1SK: s.id, type: 'Studio', ...s });
export const memberToItem = (m: StudioMember) => ({ ...memberKey(m.studioId, m.userId), type: 'StudioMember', ...m });


/** A studio's own submission categories with their time limits (working days), and its extra days off / 调休. */
export interface SubmissionSettings {
  categories: { name: string; acceptDays: number; replyDays: number }[];
  holidays: string[];
  workdays: string[];
  /** Absent for settings saved before it existed: the default (DEFAULT_ESCALATE_AFTER_DAYS). */
  escalateAfterDays?: number;
  updatedAt: string;
}

const settingsKey = (studioId: string) => ({ PK: `STUDIO#${studioId}`, SK: 'SETTINGS#SUBMISSIONS' });
const replyTemplatesKey = (studioId: string) => ({ PK: `STUDIO#${studioId}`, SK: 'SETTINGS#REPLY_TEMPLATES' });

/** A studio's reply templates (答复模板); `version` counts saves, so two editors cannot overwrite each other. */
export interface ReplyTemplates {
  templates: { title: string; text: string }[];
  version: number;
  updatedAt: string;
  updatedBy: string;
}

/** `user-gone`: the account was deleted meanwhile. */
export type RedeemOutcome = 'redeemed' | 'invite-unusable' | 'user-gone';

export class StudioRepository {
  constructor(private readonly table: TableRef) {}

  /** Access pattern: studio by id — GetItem PK=STUDIO#id, SK=PROFILE. */
  async getStudio(studioId: string): Promise<Studio | undefined> {
    const out = await this.table.client.send(new GetCommand({ TableName: this.table.tableName, Key: studioKey(studioId) }));
    return out.Item ? entityOf<Studio>(out.Item) : undefined;
  }

  /** Access pattern 5 as part of a batch (`BatchReader`). */
  studioRead(studioId: string): ItemRead<Studio> {
    return { key: studioKey(studioId), from: (item) => entityOf<Studio>(item) };
  }

  async putStudio(studio: Studio): Promise<void> {
    await this.table.client.send(new PutCommand({ TableName: this.table.tableName, Item: studioToItem(studio) }));
  }

  /** Access pattern: every studio — Query GSI1 `GSI1PK=STUDIOS`, all pages (a town has a handful; the jobs only). */
  async listStudioIds(): Promise<string[]> {
    const items = await queryAll(this.table, { IndexName: 'GSI1', KeyConditionExpression: 'GSI1PK = :pk', ExpressionAttributeValues: { ':pk': 'STUDIOS' }, ProjectionExpression: 'id' });
    return items.map((item) => item.id as string);
  }

  async putMember(member: StudioMember): Promise<void> {
    await this.table.client.send(new PutCommand({ TableName: this.table.tableName, Item: memberToItem(member) }));
  }

  /** Access pattern: a studio's submission settings — GetItem PK=STUDIO#id, SK=SETTINGS#SUBMISSIONS. */
  async getSubmissionSettings(studioId: string): Promise<SubmissionSettings | undefined> {
    const out = await this.table.client.send(new GetCommand({ TableName: this.table.tableName, Key: settingsKey(studioId) }));
    return out.Item ? entityOf<SubmissionSettings>(out.Item) : undefined;
  }

  /** Access pattern 46 as part of a batch. */
  submissionSettingsRead(studioId: string): ItemRead<SubmissionSettings> {
    return { key: settingsKey(studioId), from: (item) => entityOf<SubmissionSettings>(item) };
  }

  async putSubmissionSettings(studioId: string, settings: SubmissionSettings): Promise<void> {
    await this.table.client.send(new PutCommand({ TableName: this.table.tableName, Item: { ...settingsKey(studioId), type: 'SubmissionSettings', ...settings } }));
  }

  /** Access pattern: a studio's reply templates — GetItem PK=STUDIO#id, SK=SETTINGS#REPLY_TEMPLATES. */
  async getReplyTemplates(studioId: string): Promise<ReplyTemplates | undefined> {
    const out = await this.table.client.send(new GetCommand({ TableName: this.table.tableName, Key: replyTemplatesKey(studioId), ConsistentRead: true }));
    return out.Item ? entityOf<ReplyTemplates>(out.Item) : undefined;
  }

  /**
   * Saves the templates as version `saved.version`, only if the stored version is still `saved.version - 1`
   * (0: none stored yet). False when someone else saved in between.
   */
  async putReplyTemplates(studioId: string, saved: ReplyTemplates): Promise<boolean> {
    try {
      await this.table.client.send(
        new PutCommand({
          TableName: this.table.tableName,
          Item: { ...replyTemplatesKey(studioId), type: 'ReplyTemplates', ...saved },
          ConditionExpression: saved.version === 1 ? 'attribute_not_exists(PK)' : 'version = :previous',
          ...(saved.version === 1 ? {} : { ExpressionAttributeValues: { ':previous': saved.version - 1 } }),
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  /**
   * Access pattern: change a member's role — TransactWrite: when it is their active membership, Update the user
   * `studioId = :studio` (still of this studio); Update the member item `attribute_exists(PK)`; Update their membership
   * item (137). False when they are no longer a member.
   */
  async changeMemberRole(studioId: string, userId: string, role: StudioRole, at: string, active = true): Promise<boolean> {
    return this.transactOrFalse([
      ...(active
        ? [
            {
              Update: {
                TableName: this.table.tableName,
                Key: userKey(userId),
                // a role's scope (a grid head's grid, a liaison's department) goes with the role (they come only with an invite)
                UpdateExpression: 'SET #role = :role REMOVE gridId, departmentId',
                ConditionExpression: 'studioId = :studio',
                ExpressionAttributeNames: { '#role': 'role' },
                ExpressionAttributeValues: { ':role': role, ':studio': studioId },
              },
            },
          ]
        : []),
      {
        Update: {
          TableName: this.table.tableName,
          Key: memberKey(studioId, userId),
          UpdateExpression: 'SET #role = :role, roleChangedAt = :at REMOVE gridId, listed, departmentId',
          ConditionExpression: 'attribute_exists(PK)',
          ExpressionAttributeNames: { '#role': 'role' },
          ExpressionAttributeValues: { ':role': role, ':at': at },
        },
      },
      keepMembershipUpdate(this.table.tableName, { userId, role, studioId, joinedAt: at }),
    ]);
  }

  /**
   * Access pattern: remove a member — TransactWrite: when it is their active membership, Update the user back to a
   * resident without a studio (only if still of this studio); Delete the member item; Delete their membership item
   * (137) — their roles elsewhere stay. False when they were not a member.
   */
  async removeMember(studioId: string, userId: string, active = true): Promise<boolean> {
    return this.transactOrFalse([
      ...(active
        ? [
            {
              Update: {
                TableName: this.table.tableName,
                Key: userKey(userId),
                UpdateExpression: 'SET #role = :resident REMOVE studioId, gridId, departmentId',
                ConditionExpression: 'studioId = :studio',
                ExpressionAttributeNames: { '#role': 'role' },
                ExpressionAttributeValues: { ':resident': 'resident', ':studio': studioId },
              },
            },
          ]
        : []),
      { Delete: { TableName: this.table.tableName, Key: memberKey(studioId, userId), ConditionExpression: 'attribute_exists(PK)' } },
      { Delete: { TableName: this.table.tableName, Key: membershipKey(userId, { studioId }) } },
    ]);
  }

  private async transactOrFalse(items: NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']>): Promise<boolean> {
    try {
      await this.table.client.send(new TransactWriteCommand({ TransactItems: items }));
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  /**
   * A grid head agrees (or no longer agrees) to be listed by name: Update of their member item, only while they are
   * still this grid's head. False when they are not.
   */
  async setGridListing(studioId: string, userId: string, gridId: string, listed: boolean): Promise<boolean> {
    return this.transactOrFalse([
      {
        Update: {
          TableName: this.table.tableName,
          Key: memberKey(studioId, userId),
          UpdateExpression: 'SET listed = :listed',
          ConditionExpression: 'attribute_exists(PK) AND #role = :head AND gridId = :grid',
          ExpressionAttributeNames: { '#role': 'role' },
          ExpressionAttributeValues: { ':listed': listed, ':head': 'grid_head', ':grid': gridId },
        },
      },
    ]);
  }

  /** Access pattern: members of a studio — Query PK=STUDIO#id, begins_with(SK, MEMBER#). */
  async listMembersOfStudio(studioId: string): Promise<StudioMember[]> {
    const out = await this.table.client.send(
      new QueryCommand({
        TableName: this.table.tableName,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
        ExpressionAttributeValues: { ':pk': `STUDIO#${studioId}`, ':prefix': 'MEMBER#' },
      }),
    );
    return (out.Items ?? []).map((i) => entityOf<StudioMember>(i));
  }

  /** Stores a new invite; the code must not exist yet (returns false on a collision). */
  async createInvite(invite: Invite): Promise<boolean> {
    try {
      await this.table.client.send(
        new PutCommand({
          TableName: this.table.tableName,
          // ttl lets DynamoDB delete the invite a week after it expired; reads check expiresAt themselves.
          Item: { ...inviteKey(invite.code), type: 'Invite', ...invite, ttl: Math.floor(Date.parse(invite.expiresAt) / 1000) + 7 * 86_400 },
          ConditionExpression: 'attribute_not_exists(PK)',
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  /** Access pattern: invite by code — GetItem PK=INVITE#code, SK=INVITE. */
  async getInvite(code: string): Promise<Invite | undefined> {
    const out = await this.table.client.send(new GetCommand({ TableName: this.table.tableName, Key: inviteKey(code), ConsistentRead: true }));
    return out.Item ? entityOf<Invite>(out.Item) : undefined;
  }

  /**
   * Uses the invite and grants its role in one transaction: the invite must be unused and unexpired; the role becomes
   * the person's active membership (the user item), is kept as a membership item (137) and as a member of the studio;
   * the role they held until now, when another one, is kept as a membership too (`previous`). Two people racing for
   * one code: exactly one wins.
   */
  async redeemInvite(invite: Invite, member: StudioMember, now: string, previous?: Membership): Promise<RedeemOutcome> {
    const T = this.table.tableName;
    try {
      await this.table.client.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Update: {
                TableName: T,
                Key: inviteKey(invite.code),
                UpdateExpression: 'SET usedBy = :user, usedAt = :now',
                ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(usedAt) AND expiresAt > :now',
                ExpressionAttributeValues: { ':user': member.userId, ':now': now },
              },
            },
            // the role becomes the active one with its scope (a grid head's grid, a liaison's department)
            activateUpdate(T, { userId: member.userId, role: member.role, studioId: member.studioId, gridId: member.gridId, departmentId: member.departmentId }),
            { Put: { TableName: T, Item: memberToItem(member) } },
            { Put: { TableName: T, Item: membershipToItem({ userId: member.userId, role: member.role, studioId: member.studioId, ...(member.gridId ? { gridId: member.gridId } : {}), ...(member.departmentId ? { departmentId: member.departmentId } : {}), joinedAt: member.joinedAt }) } },
            ...(previous ? [keepMembershipUpdate(T, previous)] : []),
          ],
        }),
      );
      return 'redeemed';
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      const [inviteReason] = cancellationReasons(error);
      return inviteReason === 'ConditionalCheckFailed' ? 'invite-unusable' : 'user-gone';
    }
  }
}
