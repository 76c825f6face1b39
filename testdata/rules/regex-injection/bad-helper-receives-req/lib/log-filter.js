const LINES = ['GET /health 200', 'POST /login 401', 'GET /admin 403'];

function filterLines(req) {
  const { pattern, flags = 'i' } = req.query;
  const re = new RegExp(pattern, flags); // expect: regex-injection
  return LINES.filter((line) => re.test(line));
}

function firstMatch(req) {
  const needle = req.params.needle;
  return LINES.find((line) => line.match(needle)); // expect: regex-injection
}

module.exports = { filterLines, firstMatch };
