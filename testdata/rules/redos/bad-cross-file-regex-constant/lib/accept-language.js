'use strict';

// negotiator 0.6.0's simpleLanguageRegExp (CVE-2016-10539).
const LANGUAGE = /^\s*(\S+?)(?:-(\S+?))?\s*(?:;(.*))?$/;

module.exports = { LANGUAGE };
