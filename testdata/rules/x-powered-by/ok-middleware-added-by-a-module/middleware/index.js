const middleware = {};

require('./headers')(middleware);

module.exports = middleware;
