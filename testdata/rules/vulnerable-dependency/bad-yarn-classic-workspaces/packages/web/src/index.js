// Resolves to this workspace's own lodash (4.17.20), not another version.
const _ = require('lodash');

module.exports = (items) => _.uniq(items);
