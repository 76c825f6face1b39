const parse = require('minimist');

console.log(parse(process.argv.slice(2)));
