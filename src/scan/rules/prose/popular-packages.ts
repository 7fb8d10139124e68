// Names typosquatters imitate, and real packages that happen to sit one edit away from them (so
// `preact` is not a typo of `react`). Data only; extend both lists together.

export const popularPackages: readonly string[] = [
  'requests', 'urllib3', 'numpy', 'pandas', 'openai', 'anthropic', 'axios', 'lodash', 'express', 'react',
  'clawhub', 'openclaw', 'scipy', 'flask', 'django', 'boto3', 'pytest', 'colorama', 'chalk', 'commander',
  'moment', 'dotenv', 'python-dotenv', 'beautifulsoup4', 'selenium', 'pillow', 'matplotlib', 'tensorflow',
  'torch', 'jquery', 'webpack', 'typescript', 'eslint', 'prettier', 'pyyaml', 'cryptography', 'paramiko',
  'setuptools', 'httpx', 'aiohttp', 'langchain', 'transformers', 'playwright', 'puppeteer', 'discord.js',
  'node-fetch', 'dingtalk-stream', 'fastapi', 'uvicorn', 'pydantic', 'click', 'rich', 'tqdm', 'yarl',
  // RubyGems
  'rails', 'rake', 'rspec', 'jekyll', 'bundler', 'nokogiri', 'devise', 'sidekiq', 'rubocop',
];

export const knownLegitimate: ReadonlySet<string> = new Set([
  'request', 'preact', 'reacts', 'flash', 'click', 'rich', 'torchx', 'pandas-ta', 'numpyro', 'moments', 'chalk-cli',
  'urllib', 'urllib2', 'httpie', 'httpx', 'yarl', 'commands', 'expresso', 'axiom', 'dotenvx', 'openapi', 'opencv',
  'openai-agents', 'anthropic-sdk', 'boto', 'botocore', 'pillow-heif', 'lodash-es', 'scipy-stubs', 'pytest-mock',
  'pydantic-core', 'tqdm-joblib', 'eslint-plugin', 'typescript-eslint', 'express-session', 'react-dom',
  'rails', 'rack', 'rake', 'raise', 'rspec', 'bundle', 'devise', 'jekyll', 'sidekiq',
]);

/** Known malicious look-alikes seen in the ClawHavoc campaign. */
export const knownTyposquats: ReadonlySet<string> = new Set(['clawhub1', 'cllawhub', 'clawhubb', 'clawhub-cli', 'openclaw-agent', 'open-claw', 'openclaww', 'claw-hub']);
