/** The namespace of QCVN 102:2016/BTTTT packages. */
export const EDXML_NS = "http://www.mic.gov.vn/TBT/QCVN_102_2016";
/** XML Signature (XML-DSig). */
export const XMLDSIG_NS = "http://www.w3.org/2000/09/xmldsig#";
/** The prefix every element inside the envelope carries: receivers in use reject others. */
export const EDXML_PREFIX = "edXML";
