/** Every endpoint's handler, by the reference's endpoint key ('GET /workspaces'); the router needs one for each. */
import type { Handler } from './router';
import { documentHandlers } from './routes-documents';
import { sessionHandlers } from './routes-sessions';
import { templateHandlers } from './routes-templates';
import { workflowHandlers } from './routes-workflows';
import { workspaceHandlers } from './routes-workspaces';

export const API_HANDLERS: Readonly<Record<string, Handler>> = {
	...workspaceHandlers,
	...templateHandlers,
	...sessionHandlers,
	...documentHandlers,
	...workflowHandlers,
};
