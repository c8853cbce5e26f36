import { setup } from './conformance-report';

export default setup;
