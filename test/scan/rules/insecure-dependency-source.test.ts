import { testRule } from '../rule-tester.ts';
import { insecureDependencySource } from '../../../src/scan/rules/insecure-dependency-source.ts';

const pkg = (deps: Record<string, string>) => ({ 'package.json': JSON.stringify({ name: 'x', dependencies: deps }, null, 2) });

testRule(insecureDependencySource, {
  valid: [
    { name: 'registry versions', files: pkg({ marked: '12.0.2', chalk: '^5.3.0' }) },
    { name: 'https tarball on a named host', files: pkg({ kit: 'https://cdn.vendor.example/kit-1.0.0.tgz' }) },
    { name: 'tarball from a private mirror address', files: pkg({ kit: 'http://10.0.4.2/kit-1.0.0.tgz' }) },
    { name: 'git over https', files: { 'requirements.txt': 'git+https://git.vendor.example/t/tool.git@0e322af87745eff34caffe4df68456ebc20d9068\n' } },
    { name: 'a plain-HTTP index is extra-index-url\'s finding, not this one', files: { 'requirements.txt': '--index-url http://pypi.mirror.example/simple\nrequests==2.32.3\n' } },
  ],
  invalid: [
    { name: 'npm tarball from a raw IP', files: pkg({ marked: '12.0.2', 'slide-kit': 'http://203.0.113.4/slide-kit-1.0.0.tgz' }), errors: [{ messageId: 'ip', severity: 'high' }] },
    { name: 'wheel over plain HTTP', files: { 'requirements.txt': 'tool @ http://files.tools.example/tool-1.0-py3-none-any.whl\n' }, errors: [{ messageId: 'plain' }] },
    { name: 'git:// repository', files: { 'requirements.txt': 'git+git://git.tools.example/t/tool.git#egg=tool\n' }, errors: [{ messageId: 'plain' }] },
  ],
});
