package org.meshgov.infra.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.namespace.QName;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.apache.ibatis.builder.xml.XMLMapperEntityResolver;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** The child-axis XPath answers what the JDK's XPath answers, on Camunda's own mapping files. */
class ChildAxisXPathFactoryTest {

    private static final List<String> MAPPER_EXPRESSIONS = List.of("/mapper", "cache-ref", "cache",
            "/mapper/parameterMap", "/mapper/resultMap", "/mapper/sql", "select|insert|update|delete");

    final XPath ours = new ChildAxisXPathFactory().newXPath();
    final XPath jdks = XPathFactory.newDefaultInstance().newXPath();

    @Test
    void everyExpressionMyBatisEvaluatesOnCamundasMappingsSelectsTheSameElementsAsTheJdksXPath() throws Exception {
        List<String> files = mappingFiles();
        int compared = 0;
        for (String file : files) {
            Document document = parsedAsMyBatisDoes(file);
            Node mapper = (Node) jdks.evaluate("/mapper", document, XPathConstants.NODE);
            for (String expression : MAPPER_EXPRESSIONS) {
                assertSameSelection(expression, mapper, file);
                compared++;
            }
            NodeList statements = (NodeList) jdks.evaluate("select|insert|update|delete", mapper, XPathConstants.NODESET);
            for (int i = 0; i < statements.getLength(); i++) {
                assertSameSelection("selectKey", statements.item(i), file);
                compared++;
            }
        }
        assertThat(files).hasSizeGreaterThan(50);
        assertThat(compared).isGreaterThan(800);
    }

    @Test
    void pathsOfSeveralStepsUnionsAndTheFirstNodeFollowXPath() throws Exception {
        Document document = parsed("""
                <root><a><b id="1"/><c/><b id="2"/></a><a><b id="3"/></a><x:a xmlns:x="urn:x"><b id="4"/></x:a>
                text<c><b id="5"/></c></root>""");
        Node root = document.getDocumentElement();

        for (String expression : List.of("a/b", "/root/a/b", "a|c", "c|a", "b", "/root", "/nothing", "a/b/c", "root")) {
            assertSameSelection(expression, root, "inline");
        }
        assertThat(ours.evaluate("a/b", root, XPathConstants.NODE))
                .isSameAs(jdks.evaluate("a/b", root, XPathConstants.NODE));
        assertThat(ours.evaluate("nothing", root, XPathConstants.NODE)).isNull();
    }

    @Test
    void otherExpressionsAndResultTypesAreTheJdksAnswers() throws Exception {
        Document document = parsed("<root><a id=\"1\"/><a id=\"2\"/><b/></root>");
        Node root = document.getDocumentElement();

        assertThat(ours.evaluate("count(a)", root, XPathConstants.NUMBER)).isEqualTo(2.0);
        assertThat(ours.evaluate("a[2]/@id", root)).isEqualTo("2");
        assertThat(ours.evaluate("a", root, XPathConstants.STRING)).isEqualTo("");
        assertThat(names((NodeList) ours.evaluate("//a | b", root, XPathConstants.NODESET))).containsExactly("a", "a", "b");
    }

    @Test
    void itIsTheFactoryXPathFactoryGivesOnlyWithinTheParse() throws Exception {
        XPathFactory within = ChildAxisXPathFactory.during(XPathFactory::newInstance);

        assertThat(within).isInstanceOf(ChildAxisXPathFactory.class);
        assertThat(XPathFactory.newInstance()).isNotInstanceOf(ChildAxisXPathFactory.class);
    }

    private void assertSameSelection(String expression, Node context, String where) throws Exception {
        List<Node> expected = nodes((NodeList) jdks.evaluate(expression, context, XPathConstants.NODESET));
        List<Node> actual = nodes((NodeList) ours.evaluate(expression, context, XPathConstants.NODESET));
        assertThat(actual).as(expression + " in " + where).containsExactlyElementsOf(expected);
        assertThat(ChildAxisXPathFactory.select(expression, context)).as("answered without the JDK's XPath").isNotNull();
        QName node = XPathConstants.NODE;
        assertThat(ours.evaluate(expression, context, node)).isSameAs(jdks.evaluate(expression, context, node));
    }

    private static List<String> mappingFiles() throws Exception {
        List<String> files = new ArrayList<>();
        try (InputStream in = resource("org/camunda/bpm/engine/impl/mapping/mappings.xml")) {
            Matcher mapper = Pattern.compile("resource=\"([^\"]+)\"").matcher(new String(in.readAllBytes()));
            while (mapper.find()) {
                files.add(mapper.group(1));
            }
        }
        return files;
    }

    /** As MyBatis's XPathParser: validating against the mapper DTD, not namespace aware. */
    private static Document parsedAsMyBatisDoes(String file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setValidating(true);
        factory.setNamespaceAware(false);
        factory.setIgnoringComments(true);
        factory.setIgnoringElementContentWhitespace(false);
        factory.setCoalescing(false);
        factory.setExpandEntityReferences(true);
        var builder = factory.newDocumentBuilder();
        builder.setEntityResolver(new XMLMapperEntityResolver());
        try (InputStream in = resource(file)) {
            return builder.parse(in);
        }
    }

    private static Document parsed(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new org.xml.sax.InputSource(new java.io.StringReader(xml)));
    }

    private static InputStream resource(String name) {
        return ChildAxisXPathFactoryTest.class.getClassLoader().getResourceAsStream(name);
    }

    private static List<Node> nodes(NodeList list) {
        List<Node> nodes = new ArrayList<>();
        for (int i = 0; i < list.getLength(); i++) {
            nodes.add(list.item(i));
        }
        return nodes;
    }

    private static List<String> names(NodeList list) {
        return nodes(list).stream().map(Node::getNodeName).toList();
    }
}
