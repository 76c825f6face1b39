function matcher(pattern) {
  const re = new RegExp(pattern); // expect: regex-injection
  return (s) => re.test(s);
}

module.exports = { matcher };
