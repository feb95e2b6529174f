package org.meshgov.infra.engine;

import java.io.IOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import javax.xml.namespace.NamespaceContext;
import javax.xml.namespace.QName;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpression;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import javax.xml.xpath.XPathFactoryConfigurationException;
import javax.xml.xpath.XPathFunctionResolver;
import javax.xml.xpath.XPathVariableResolver;
import org.w3c.dom.Document;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * The XPath that MyBatis gets while {@link EngineMappings} parses Camunda's mappings. MyBatis asks
 * each of Camunda's 880 statements for its {@code selectKey} children, and each mapping file for its
 * {@code /mapper/resultMap} and the like, by XPath; the JDK's XPath wraps the whole document in a new
 * table model for every evaluation and walks it up to the node asked about, so every statement walked
 * its file again: over a third of the parse, on a boot whose two cores are busy (ADR 16). Element
 * names along the child axis ({@code a}, {@code /a/b}, {@code a|b|c}), asked for as nodes, are
 * answered here from the DOM's children, with XPath's meaning (elements without a namespace, in
 * document order); any other expression or result type goes to the JDK's XPath.
 *
 * <p>It takes effect only inside {@link #during}: MyBatis finds it through the thread's context class
 * loader, where {@link XPathFactory#newInstance()} looks for providers; the rest of the JVM keeps the
 * JDK's.
 */
public final class ChildAxisXPathFactory extends XPathFactory {

    private static final String SERVICE = "META-INF/services/" + XPathFactory.class.getName();
    private static final String PROVIDER = "org/meshgov/infra/engine/child-axis-xpath-factory";
    private static final String NAME = "[A-Za-z_][A-Za-z0-9_.-]*";
    private static final Pattern PATH = Pattern.compile("/?" + NAME + "(/" + NAME + ")*");
    private static final Pattern UNION = Pattern.compile(NAME + "(\\|" + NAME + ")+");

    private final XPathFactory jdk = XPathFactory.newDefaultInstance();

    /** Runs {@code work} on this thread with this factory as the one {@link XPathFactory#newInstance()} gives. */
    public static <T> T during(Callable<T> work) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(new ProviderLoader(
                previous != null ? previous : ChildAxisXPathFactory.class.getClassLoader()));
        try {
            return work.call();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    @Override
    public boolean isObjectModelSupported(String objectModel) {
        return DEFAULT_OBJECT_MODEL_URI.equals(objectModel);
    }

    @Override
    public void setFeature(String name, boolean value) throws XPathFactoryConfigurationException {
        jdk.setFeature(name, value);
    }

    @Override
    public boolean getFeature(String name) throws XPathFactoryConfigurationException {
        return jdk.getFeature(name);
    }

    @Override
    public void setXPathVariableResolver(XPathVariableResolver resolver) {
        jdk.setXPathVariableResolver(resolver);
    }

    @Override
    public void setXPathFunctionResolver(XPathFunctionResolver resolver) {
        jdk.setXPathFunctionResolver(resolver);
    }

    @Override
    public XPath newXPath() {
        return new ChildAxisXPath(jdk.newXPath());
    }

    /** The elements {@code expression} selects from {@code context}, or null when it is not a child-axis path or union. */
    static List<Node> select(String expression, Node context) {
        if (UNION.matcher(expression).matches()) {
            return children(List.of(context), Set.of(expression.split("\\|")));
        }
        if (!PATH.matcher(expression).matches()) {
            return null;
        }
        List<Node> nodes;
        String steps;
        if (expression.startsWith("/")) {
            Document document = context.getNodeType() == Node.DOCUMENT_NODE ? (Document) context : context.getOwnerDocument();
            if (document == null) {
                return null;
            }
            nodes = List.of(document);
            steps = expression.substring(1);
        } else {
            nodes = List.of(context);
            steps = expression;
        }
        for (String name : steps.split("/")) {
            nodes = children(nodes, Set.of(name));
        }
        return nodes;
    }

    private static List<Node> children(List<Node> parents, Set<String> names) {
        List<Node> selected = new ArrayList<>();
        for (Node parent : parents) {
            for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
                if (child.getNodeType() == Node.ELEMENT_NODE && child.getNamespaceURI() == null
                        && names.contains(child.getNodeName())) {
                    selected.add(child);
                }
            }
        }
        return selected;
    }

    private record ChildAxisXPath(XPath jdk) implements XPath {

        @Override
        public Object evaluate(String expression, Object item, QName returnType) throws XPathExpressionException {
            boolean nodes = XPathConstants.NODESET.equals(returnType) || XPathConstants.NODE.equals(returnType);
            if (nodes && item instanceof Node context) {
                List<Node> selected = select(Objects.requireNonNull(expression), context);
                if (selected != null) {
                    if (XPathConstants.NODE.equals(returnType)) {
                        return selected.isEmpty() ? null : selected.get(0);
                    }
                    return new Nodes(selected);
                }
            }
            return jdk.evaluate(expression, item, returnType);
        }

        @Override
        public String evaluate(String expression, Object item) throws XPathExpressionException {
            return jdk.evaluate(expression, item);
        }

        @Override
        public Object evaluate(String expression, InputSource source, QName returnType) throws XPathExpressionException {
            return jdk.evaluate(expression, source, returnType);
        }

        @Override
        public String evaluate(String expression, InputSource source) throws XPathExpressionException {
            return jdk.evaluate(expression, source);
        }

        @Override
        public XPathExpression compile(String expression) throws XPathExpressionException {
            return jdk.compile(expression);
        }

        @Override
        public void reset() {
            jdk.reset();
        }

        @Override
        public void setXPathVariableResolver(XPathVariableResolver resolver) {
            jdk.setXPathVariableResolver(resolver);
        }

        @Override
        public XPathVariableResolver getXPathVariableResolver() {
            return jdk.getXPathVariableResolver();
        }

        @Override
        public void setXPathFunctionResolver(XPathFunctionResolver resolver) {
            jdk.setXPathFunctionResolver(resolver);
        }

        @Override
        public XPathFunctionResolver getXPathFunctionResolver() {
            return jdk.getXPathFunctionResolver();
        }

        @Override
        public void setNamespaceContext(NamespaceContext context) {
            jdk.setNamespaceContext(context);
        }

        @Override
        public NamespaceContext getNamespaceContext() {
            return jdk.getNamespaceContext();
        }
    }

    private record Nodes(List<Node> nodes) implements NodeList {

        @Override
        public Node item(int index) {
            return index >= 0 && index < nodes.size() ? nodes.get(index) : null;
        }

        @Override
        public int getLength() {
            return nodes.size();
        }
    }

    /** Names this factory, and only it, as the XPath provider; everything else as its parent does. */
    private static final class ProviderLoader extends ClassLoader {

        ProviderLoader(ClassLoader parent) {
            super("child-axis-xpath", parent);
        }

        @Override
        public Enumeration<URL> getResources(String name) throws IOException {
            if (SERVICE.equals(name)) {
                URL provider = getParent().getResource(PROVIDER);
                return provider == null ? Collections.emptyEnumeration() : Collections.enumeration(List.of(provider));
            }
            return super.getResources(name);
        }
    }
}
