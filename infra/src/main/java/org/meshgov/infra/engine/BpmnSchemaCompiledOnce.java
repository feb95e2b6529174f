package org.meshgov.infra.engine;

import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URL;
import javax.xml.XMLConstants;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.camunda.bpm.engine.impl.bpmn.deployer.BpmnDeployer;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParser;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.BpmnParseFactory;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.el.ExpressionManager;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.util.ReflectUtil;
import org.springframework.stereotype.Component;
import org.xml.sax.InputSource;
import org.xml.sax.Parser;
import org.xml.sax.SAXException;
import org.xml.sax.SAXNotRecognizedException;
import org.xml.sax.SAXNotSupportedException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Camunda validates every BPMN file it parses against the BPMN 2.0 schema by naming the schema's
 * file to the XML parser, which compiles the schema (five files) again for
 * each BPMN file: most of the time the first boot spends deploying our eight processes, and again
 * for each process the first time it is used after a restart (ADR 16). The engine's BPMN deployer
 * gets a parser that validates against the schema compiled once: the same validator component of
 * the JDK's parser, with the same grammar, reporting to the same handler.
 */
@Component
public class BpmnSchemaCompiledOnce extends AbstractProcessEnginePlugin {

    private static final String JAXP_SCHEMA_LANGUAGE = "http://java.sun.com/xml/jaxp/properties/schemaLanguage";
    private static final String JAXP_SCHEMA_SOURCE = "http://java.sun.com/xml/jaxp/properties/schemaSource";

    @Override
    public void postInit(ProcessEngineConfigurationImpl engine) {
        for (Deployer deployer : engine.getDeployers()) {
            if (deployer instanceof BpmnDeployer bpmn && !(bpmn.getBpmnParser() instanceof CompiledSchemaParser)) {
                BpmnParser camundas = bpmn.getBpmnParser();
                CompiledSchemaParser ours = new CompiledSchemaParser(camundas.getExpressionManager(),
                        engine.getBpmnParseFactory());
                ours.setParseListeners(camundas.getParseListeners());
                bpmn.setBpmnParser(ours);
            }
        }
    }

    static final class CompiledSchemaParser extends BpmnParser {

        private static final ThreadLocal<SAXParserFactory> VALIDATING = new ThreadLocal<>();

        CompiledSchemaParser(ExpressionManager expressionManager, BpmnParseFactory parseFactory) {
            super(expressionManager, parseFactory);
        }

        /** As Camunda's, but a validating parser validates against the compiled schema. */
        @Override
        protected SAXParser getSaxParser() throws Exception {
            SAXParserFactory camundas = getSaxParserFactoryLazily();
            if (!camundas.isValidating()) {
                return super.getSaxParser();
            }
            SAXParserFactory factory = VALIDATING.get();
            if (factory == null) {
                factory = SAXParserFactory.newInstance();
                factory.setNamespaceAware(true);
                factory.setFeature("http://xml.org/sax/features/namespace-prefixes", true);
                factory.setSchema(BpmnSchema.COMPILED);
                VALIDATING.set(factory);
            }
            setXxeProcessing(factory);
            return new SchemaGiven(factory.newSAXParser());
        }
    }

    /** The BPMN 2.0 schema Camunda names for each parse, compiled once when first needed. */
    static final class BpmnSchema {

        static final String LOCATION = ReflectUtil.getResourceUrlAsString(BpmnParser.BPMN_20_SCHEMA_LOCATION);
        static final Schema COMPILED = compile();

        private static Schema compile() {
            try {
                return SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(new URL(LOCATION));
            } catch (SAXException | MalformedURLException e) {
                throw new IllegalStateException("the BPMN 2.0 schema cannot be compiled", e);
            }
        }
    }

    /**
     * A parser whose factory holds the compiled schema. Camunda still names the schema by its file for
     * each parse, which the JDK's parser refuses once a schema is given; the name is the file compiled.
     */
    private static final class SchemaGiven extends SAXParser {

        private final SAXParser parser;

        SchemaGiven(SAXParser parser) {
            this.parser = parser;
        }

        @Override
        public void setProperty(String name, Object value) throws SAXNotRecognizedException, SAXNotSupportedException {
            if (JAXP_SCHEMA_LANGUAGE.equals(name) && XMLConstants.W3C_XML_SCHEMA_NS_URI.equals(value)
                    || JAXP_SCHEMA_SOURCE.equals(name) && BpmnSchema.LOCATION.equals(value)) {
                return;
            }
            if (JAXP_SCHEMA_LANGUAGE.equals(name) || JAXP_SCHEMA_SOURCE.equals(name)) {
                throw new SAXNotSupportedException("validates against " + BpmnSchema.LOCATION + " only, not " + value);
            }
            parser.setProperty(name, value);
        }

        @Override
        public void parse(InputStream in, DefaultHandler handler) throws SAXException, IOException {
            parser.parse(in, handler);
        }

        @Override
        public void parse(InputSource in, DefaultHandler handler) throws SAXException, IOException {
            parser.parse(in, handler);
        }

        @Override
        public Object getProperty(String name) throws SAXNotRecognizedException, SAXNotSupportedException {
            return parser.getProperty(name);
        }

        @Override
        @SuppressWarnings("deprecation")
        public Parser getParser() throws SAXException {
            return parser.getParser();
        }

        @Override
        public XMLReader getXMLReader() throws SAXException {
            return parser.getXMLReader();
        }

        @Override
        public boolean isNamespaceAware() {
            return parser.isNamespaceAware();
        }

        @Override
        public boolean isValidating() {
            return parser.isValidating();
        }

        @Override
        public Schema getSchema() {
            return parser.getSchema();
        }

        @Override
        public boolean isXIncludeAware() {
            return parser.isXIncludeAware();
        }

        @Override
        public void reset() {
            parser.reset();
        }
    }
}
