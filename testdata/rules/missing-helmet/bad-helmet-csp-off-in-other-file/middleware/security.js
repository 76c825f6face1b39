const helmet = require('helmet');

// The marketing pages pull scripts from three different CDNs and the CSP kept
// breaking them, so it was switched off "for now".
module.exports = helmet({ contentSecurityPolicy: false }); // expect: missing-helmet
