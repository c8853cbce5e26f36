/**
 * Jest setup: n8n's error reporter logs every node error it sees through n8n's logger, so the many
 * tests that expect an error would print hundreds of blocks of expected failures. Tests assert those
 * errors themselves; the run's output keeps to results and real failures. `N8N_LOG_LEVEL=error npm test`
 * shows n8n's log again when debugging.
 */
process.env.N8N_LOG_LEVEL ??= 'silent';
