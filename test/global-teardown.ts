import { teardown } from './conformance-report';

export default teardown;
