// Passes the rejection of an async route handler to next().
const wrap = (fn) => (req, res, next) => fn(req, res, next).catch(next);

module.exports = wrap;
