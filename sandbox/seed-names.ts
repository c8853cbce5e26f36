/** Word lists the seed generator and activity simulator draw realistic values from. */
export const FIRST_NAMES = ['Ada', 'Ben', 'Chloé', 'Dmitri', 'Eun-ji', 'Farah', 'Gustavo', 'Hana', 'Ivan', 'Jamal', 'Kaito', 'Lena', 'Mateo', 'Nia', 'Olu', 'Priya', 'Quinn', 'Rosa', 'Sven', 'Tomás', 'Uma', 'Victor', 'Wen', 'Yara', 'Zoë'];
export const LAST_NAMES = ['Okafor', 'Schmidt', 'Nakamura', 'Silva', 'Kowalski', 'Haddad', 'Novak', 'Lindqvist', 'García', 'Chen', 'Murphy', 'Rossi', 'Dubois', 'Patel', 'Nguyen', 'Müller', "O'Brien", 'Kim'];
export const DOMAINS = ['example.com', 'example.org', 'example.net', 'acme.test', 'globex.test', 'initech.test'];
export const LOCATIONS: [string, string, string][] = [
	['United States', 'New York', 'New York'],
	['United States', 'California', 'San Francisco'],
	['Ireland', 'Dublin', 'Dublin'],
	['Germany', 'Berlin', 'Berlin'],
	['Brazil', 'São Paulo', 'São Paulo'],
	['Japan', 'Tokyo', 'Tokyo'],
	['India', 'Karnataka', 'Bengaluru'],
	['Australia', 'New South Wales', 'Sydney'],
];
export const BROWSERS = ['chrome', 'firefox', 'safari', 'edge'];
export const OSES = ['OS X 14.4', 'Windows 11', 'Ubuntu', 'iOS 17.4', 'Android 14'];
export const PLANS = ['free', 'starter', 'pro', 'enterprise'];
export const SIGNUP_SOURCES = ['web', 'mobile', 'referral', 'event'];
export const INDUSTRIES = ['Software', 'Retail', 'Finance', 'Healthcare', 'Education', 'Logistics'];

