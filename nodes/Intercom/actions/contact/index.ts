import type { OperationDefinition } from '../types';
import { addNote } from './addNote.operation';
import { addTag } from './addTag.operation';
import { archive } from './archive.operation';
import { attachCompany } from './attachCompany.operation';
import { attachSubscription } from './attachSubscription.operation';
import { block } from './block.operation';
import { create } from './create.operation';
import { createOrUpdate } from './createOrUpdate.operation';
import { deleteContact } from './delete.operation';
import { detachCompany } from './detachCompany.operation';
import { detachSubscription } from './detachSubscription.operation';
import { get } from './get.operation';
import { getByExternalId } from './getByExternalId.operation';
import { getMany } from './getMany.operation';
import { getManyByCompany } from './getManyByCompany.operation';
import { listCompanies } from './listCompanies.operation';
import { listNotes } from './listNotes.operation';
import { listSegments } from './listSegments.operation';
import { listSubscriptions } from './listSubscriptions.operation';
import { listTags } from './listTags.operation';
import { merge } from './merge.operation';
import { removeTag } from './removeTag.operation';
import { search } from './search.operation';
import { unarchive } from './unarchive.operation';
import { update } from './update.operation';

export const contactOperations: OperationDefinition[] = [
	create,
	createOrUpdate,
	get,
	getByExternalId,
	getMany,
	search,
	getManyByCompany,
	update,
	deleteContact,
	merge,
	archive,
	unarchive,
	block,
	listTags,
	addTag,
	removeTag,
	listNotes,
	addNote,
	listCompanies,
	attachCompany,
	detachCompany,
	listSegments,
	listSubscriptions,
	attachSubscription,
	detachSubscription,
];
