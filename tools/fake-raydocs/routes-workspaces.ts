/** Workspaces, members and invitations. */
import { requireAdmin, workspaceAccess } from './access';
import { Validator, forbidden, jsonReply, noContent, notFound, unprocessable } from './http';
import type { Handler, HandlerContext } from './router';
import { inviteJson, memberJson, workspaceJson } from './serialize';
import type { Invite, WorkspaceRole } from './types';

const ROLES: readonly WorkspaceRole[] = ['admin', 'user', 'readonly'];

function adminCount(members: Map<number, WorkspaceRole>): number {
	return [...members.values()].filter((role) => role === 'admin').length;
}

function inviteIn(ctx: HandlerContext, workspaceId: number): Invite {
	const invite = ctx.engine.state.invites.get(Number(ctx.params.inviteId));
	if (!invite || invite.workspaceId !== workspaceId || invite.accepted)
		throw notFound('Invitation');
	return invite;
}

export const workspaceHandlers: Record<string, Handler> = {
	'GET /workspaces': (ctx) => {
		const items = [...ctx.engine.state.workspaces.values()]
			.filter((workspace) => workspace.members.has(ctx.user.id))
			.map(workspaceJson);
		return jsonReply(200, ctx.engine.variants.workspacesList === 'array' ? items : { data: items });
	},

	'POST /workspaces/create': (ctx) => {
		const v = new Validator(ctx.body);
		const name = v.string('name', { required: true, nonEmpty: true });
		const icon = v.string('icon', { max: 32 });
		v.throwIfFailed();
		const workspace = ctx.engine.createWorkspace(name as string, icon ?? '📊', ctx.user.id);
		return jsonReply(201, workspaceJson(workspace));
	},

	'PUT /workspaces/{workspaceId}': (ctx) => {
		const { workspace, role } = workspaceAccess(ctx, ctx.params.workspaceId);
		requireAdmin(role);
		const v = new Validator(ctx.body);
		const name = v.string('name', { nonEmpty: true });
		const icon = v.string('icon', { max: 32 });
		v.throwIfFailed();
		if (name !== undefined) workspace.name = name;
		if (icon !== undefined) workspace.icon = icon;
		workspace.updatedAt = ctx.now;
		return jsonReply(200, workspaceJson(workspace));
	},

	'DELETE /workspaces/{workspaceId}': (ctx) => {
		const { workspace, role } = workspaceAccess(ctx, ctx.params.workspaceId);
		requireAdmin(role);
		ctx.engine.deleteWorkspace(workspace.id);
		return noContent();
	},

	'GET /workspaces/{workspaceId}/users': (ctx) => {
		const { workspace } = workspaceAccess(ctx, ctx.params.workspaceId);
		const members = [...workspace.members.entries()].flatMap(([userId, role]) => {
			const user = ctx.engine.state.users.get(userId);
			return user ? [memberJson(user, role)] : [];
		});
		return jsonReply(200, members);
	},

	'POST /workspaces/{workspaceId}/users/add': (ctx) => {
		const { workspace, role } = workspaceAccess(ctx, ctx.params.workspaceId);
		requireAdmin(role);
		const v = new Validator(ctx.body);
		const email = v.email('email');
		const newRole = v.oneOf('role', ROLES, true);
		v.throwIfFailed();
		const address = (email as string).trim();
		const user = ctx.engine.findUserByEmail(address);
		if (user) {
			if (workspace.members.has(user.id))
				throw unprocessable('email', 'This user is already a member of the workspace.');
			workspace.members.set(user.id, newRole as WorkspaceRole);
			return jsonReply(200, { message: 'User added successfully' });
		}
		const pending = [...ctx.engine.state.invites.values()].find(
			(invite) =>
				invite.workspaceId === workspace.id &&
				!invite.accepted &&
				invite.email.toLowerCase() === address.toLowerCase(),
		);
		if (pending)
			throw unprocessable('email', 'An invitation has already been sent to this email address.');
		const invite = ctx.engine.createInvite(workspace.id, address, newRole as WorkspaceRole);
		return jsonReply(200, { message: 'Invitation sent', invite_id: invite.id });
	},

	'PUT /workspaces/{workspaceId}/users/{userId}/update-role': (ctx) => {
		const { workspace, role } = workspaceAccess(ctx, ctx.params.workspaceId);
		requireAdmin(role);
		const userId = Number(ctx.params.userId);
		const current = workspace.members.get(userId);
		if (!current) throw notFound('Workspace member');
		const v = new Validator(ctx.body);
		const newRole = v.oneOf('role', ROLES, true);
		v.throwIfFailed();
		if (current === 'admin' && newRole !== 'admin' && adminCount(workspace.members) === 1) {
			throw unprocessable('role', 'The workspace must keep at least one admin.');
		}
		workspace.members.set(userId, newRole as WorkspaceRole);
		return jsonReply(200, { message: 'Role updated successfully' });
	},

	'DELETE /workspaces/{workspaceId}/users/{userId}/remove': (ctx) => {
		const { workspace, role } = workspaceAccess(ctx, ctx.params.workspaceId);
		requireAdmin(role);
		const userId = Number(ctx.params.userId);
		if (!workspace.members.has(userId)) throw notFound('Workspace member');
		if (userId === ctx.user.id)
			throw forbidden('You cannot remove yourself; leave the workspace instead.');
		workspace.members.delete(userId);
		return noContent();
	},

	'POST /workspaces/{workspaceId}/leave': (ctx) => {
		const { workspace, role } = workspaceAccess(ctx, ctx.params.workspaceId);
		if (role === 'admin' && adminCount(workspace.members) === 1) {
			throw forbidden(
				'You are the only admin of this workspace. Promote another member to admin before leaving.',
			);
		}
		workspace.members.delete(ctx.user.id);
		return jsonReply(200, { message: 'You have left the workspace' });
	},

	'GET /workspaces/{workspaceId}/invites': (ctx) => {
		const { workspace } = workspaceAccess(ctx, ctx.params.workspaceId);
		const showAccepted = ctx.engine.variants.inviteStatus === 'accepted-enum';
		const invites = [...ctx.engine.state.invites.values()]
			.filter((invite) => invite.workspaceId === workspace.id && (showAccepted || !invite.accepted))
			.map((invite) => inviteJson(ctx.engine.variants, invite, ctx.now));
		return jsonReply(200, invites);
	},

	'POST /workspaces/{workspaceId}/invites/{inviteId}/resend': (ctx) => {
		const { workspace, role } = workspaceAccess(ctx, ctx.params.workspaceId);
		requireAdmin(role);
		const invite = inviteIn(ctx, workspace.id);
		ctx.engine.renewInvite(invite.id);
		return jsonReply(200, { message: 'Invitation resent successfully' });
	},

	'GET /workspaces/{workspaceId}/invites/{inviteId}/link': (ctx) => {
		const { workspace } = workspaceAccess(ctx, ctx.params.workspaceId);
		const invite = inviteIn(ctx, workspace.id);
		return jsonReply(200, { link: `https://raydocs.com/invite/${invite.linkToken}` });
	},

	'DELETE /workspaces/{workspaceId}/invites/{inviteId}': (ctx) => {
		const { workspace, role } = workspaceAccess(ctx, ctx.params.workspaceId);
		requireAdmin(role);
		const invite = inviteIn(ctx, workspace.id);
		ctx.engine.state.invites.delete(invite.id);
		return noContent();
	},
};
