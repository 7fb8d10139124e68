// Secrets: the encrypted store (AES-256-GCM at rest) and its master key. Values leave this part
// only to be handed to the runner of the trust domain that was granted them.

export { openSecretStore, checkSecretName, STORE_FILE } from './secret-store.ts';
export type { OpenSecretStoreOptions, SecretBinding, SecretInfo, SecretStore } from './secret-store.ts';
export { loadMasterKey, parseMasterKey, KEY_FILE } from './master-key.ts';
export { writeFileAtomic } from './atomic-write.ts';
