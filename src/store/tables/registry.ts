// Tables owned by the registry part. The migration that creates them is migrations/000N-registry.ts;
// a column added later is a new migration, never an edit of a released one.

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface RegistryTables {}
