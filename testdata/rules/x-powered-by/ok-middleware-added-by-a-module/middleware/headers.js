module.exports = function (middleware) {
  middleware.addHeaders = function (req, res, next) {
    const headers = {
      'X-Powered-By': 'NodeBB',
      'X-Frame-Options': 'SAMEORIGIN',
    };
    for (const key in headers) {
      if (headers[key]) {
        res.setHeader(key, headers[key]);
      }
    }
    next();
  };
};
