/**
 * Switches for the sandbox's behaviours, so a test can turn any one off
 * (or tune it) without touching the others.
 */
export interface SandboxSettings {
	/** Check requests against the spec; hard problems answer 400/404. */
	conformance: boolean;
	/** Reject requests without an Intercom-Version header (400). */
	strictVersion: boolean;
	/** Apply per-workspace rate limits (headers are always sent). */
	rateLimit: boolean;
	/** Apply injected faults. */
	faults: boolean;
	/** Validate each JSON answer against the spec's response schema and log problems (slower). */
	validateResponses: boolean;
}

export const DEFAULT_SETTINGS: SandboxSettings = {
	conformance: true,
	strictVersion: false,
	rateLimit: true,
	faults: true,
	validateResponses: false,
};
