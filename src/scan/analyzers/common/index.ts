// Pure helpers every analyzer shares: URLs and hosts, path normalisation, literal decoding, evidence.

export { findUrls, hostOf, hostAndPortOf, isIpLiteral, defaultPort, type UrlMatch } from './urls.ts';
export { normalisePath, isHomePath } from './paths.ts';
export {
  decodeLiteral, decodeBase64, decodeHex, decodeEscapes, mediaKind, isMostlyPrintable, minEncodedLength,
  type Decoded, type Encoding,
} from './decode.ts';
export { countNewlines, excerpt, oneLine, LineMap } from './excerpt.ts';
export { loadParser, type SyntaxTree } from './tree-sitter.ts';
export { plainTree, type PlainNode as SyntaxNode } from './plain-tree.ts';
export { secretPrinted } from './secret-commands.ts';
