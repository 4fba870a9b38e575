/** Extraction templates. */
import { requireWriter, templateAccess, workspaceAccess } from './access';
import { Validator, jsonReply, noContent, paginate, readPageRequest } from './http';
import type { Handler } from './router';
import type { Variants } from './types';
import { templateJson } from './serialize';
import { deepClone, isRecord } from './util';

/**
 * The schema travels as `schema_json` (canonical) or `schema` (the intro's curl example); the
 * `templateSchemaKey` variant makes the fake read only one of them, as a server of one generation
 * would (Laravel ignores the other key). It must be an object whose `groups`, when present, is an
 * object of groups.
 */
function readSchema(v: Validator, accepted: Variants['templateSchemaKey']): Record<string, unknown> | undefined {
	const readable = (key: 'schema_json' | 'schema') =>
		(accepted === 'either' || accepted === key) && v.has(key);
	const key = readable('schema_json') ? 'schema_json' : readable('schema') ? 'schema' : null;
	if (!key) return undefined;
	const schema = v.object(key);
	if (!schema) return undefined;
	if (schema.groups !== undefined && !isRecord(schema.groups)) {
		v.fail(`${key}.groups`, `The ${key.replace(/_/g, ' ')}.groups field must be an object.`);
		return undefined;
	}
	if (isRecord(schema.groups)) {
		for (const [name, group] of Object.entries(schema.groups)) {
			if (!isRecord(group) || (group.fields !== undefined && !isRecord(group.fields))) {
				v.fail(
					`${key}.groups.${name}`,
					`The group "${name}" must be an object with a "fields" object.`,
				);
				return undefined;
			}
		}
	}
	return { config: {}, definitions: {}, groups: {}, ...schema };
}

export const templateHandlers: Record<string, Handler> = {
	'GET /workspaces/{workspaceId}/extractions/templates': (ctx) => {
		const { workspace } = workspaceAccess(ctx, ctx.params.workspaceId);
		const page = readPageRequest(ctx.query, ctx.engine.variants.listPerPage);
		const templates = [...ctx.engine.state.templates.values()].filter(
			(template) => template.workspaceId === workspace.id,
		);
		return jsonReply(200, paginate(templates, page, templateJson));
	},

	'POST /extractions/templates': (ctx) => {
		const v = new Validator(ctx.body);
		const name = v.string('name', { required: true, nonEmpty: true });
		const description = v.string('description', { max: 2000 });
		const workspaceId = v.integer('workspace_id', true);
		const schema = readSchema(v, ctx.engine.variants.templateSchemaKey);
		const settings = v.object('settings');
		v.throwIfFailed();
		const workspace = ctx.engine.state.workspaces.get(workspaceId as number);
		const role = workspace?.members.get(ctx.user.id);
		if (!workspace || !role) {
			v.fail('workspace_id', 'The selected workspace id is invalid.');
			v.throwIfFailed();
		}
		requireWriter(role ?? 'readonly');
		const template = ctx.engine.createTemplate(workspaceId as number, {
			name,
			description: description ?? null,
			schemaJson: schema ?? { config: {}, definitions: {}, groups: {} },
			settings: settings ?? { parsing: { contextual_embedding: false } },
		});
		return jsonReply(201, templateJson(template));
	},

	'GET /extractions/templates/{templateId}': (ctx) => {
		const { template } = templateAccess(ctx, ctx.params.templateId);
		return jsonReply(200, templateJson(template));
	},

	'PUT /extractions/templates/{templateId}': (ctx) => {
		const { template, role } = templateAccess(ctx, ctx.params.templateId);
		requireWriter(role);
		const v = new Validator(ctx.body);
		const name = v.string('name', { nonEmpty: true });
		const description = v.string('description', { max: 2000 });
		const schema = readSchema(v, ctx.engine.variants.templateSchemaKey);
		const settings = v.object('settings');
		v.throwIfFailed();
		if (name !== undefined) template.name = name;
		if (description !== undefined) template.description = description;
		if (ctx.body.description === null) template.description = null;
		if (schema) template.schemaJson = deepClone(schema);
		if (settings) template.settings = deepClone(settings);
		template.updatedAt = ctx.now;
		return jsonReply(200, templateJson(template));
	},

	'DELETE /extractions/templates/{templateId}': (ctx) => {
		const { template, role } = templateAccess(ctx, ctx.params.templateId);
		requireWriter(role);
		ctx.engine.deleteTemplate(template.id);
		return noContent();
	},

	'POST /extractions/templates/{templateId}/duplicate': (ctx) => {
		const { template, role } = templateAccess(ctx, ctx.params.templateId);
		requireWriter(role);
		const v = new Validator(ctx.body);
		const name = v.string('name', { nonEmpty: true });
		v.throwIfFailed();
		const copy = ctx.engine.createTemplate(template.workspaceId, {
			name: name ?? `${template.name} (Copy)`,
			description: template.description,
			schemaJson: template.schemaJson,
			settings: template.settings,
		});
		return jsonReply(201, templateJson(copy));
	},
};
