/** The fake's in-memory model, empty: what a server starts from and reset() goes back to. */
import { EntityList } from './collection';
import type {
	ExtractionRun,
	FakeState,
	Invite,
	Session,
	Template,
	Upload,
	User,
	Workflow,
	WorkflowRun,
	Workspace,
	WorkspaceDocument,
} from './types';

export function emptyState(): FakeState {
	return {
		users: new EntityList<User>(),
		workspaces: new EntityList<Workspace>(),
		invites: new EntityList<Invite>(),
		templates: new EntityList<Template>(),
		sessions: new EntityList<Session>(),
		documents: new EntityList<WorkspaceDocument>(),
		runs: new EntityList<ExtractionRun>(),
		workflows: new EntityList<Workflow>(),
		workflowRuns: new EntityList<WorkflowRun>(),
		uploads: new EntityList<Upload>(),
		storageAuthLeaks: 0,
		seed: null,
		nextIds: { user: 1, workspace: 1, invite: 1 },
		seq: 0,
	};
}
